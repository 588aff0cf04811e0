// US states and territories as two-letter USPS codes, from names (`Washington`), codes and old abbreviations.
import { foldText } from './fold-text.ts'

// Code, name, then other spellings: traditional abbreviations (`Calif.`) and common variants.
const STATES: ReadonlyArray<readonly string[]> = [
  ['AL', 'Alabama', 'Ala'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona', 'Ariz'],
  ['AR', 'Arkansas', 'Ark'],
  ['CA', 'California', 'Calif', 'Cal', 'Cali'],
  ['CO', 'Colorado', 'Colo', 'Col'],
  ['CT', 'Connecticut', 'Conn'],
  ['DE', 'Delaware', 'Del'],
  ['DC', 'District of Columbia', 'Washington DC', 'Washington D C', 'Wash DC'],
  ['FL', 'Florida', 'Fla', 'Flor'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois', 'Ill', 'Ills'],
  ['IN', 'Indiana', 'Ind'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas', 'Kans', 'Kan'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts', 'Mass'],
  ['MI', 'Michigan', 'Mich'],
  ['MN', 'Minnesota', 'Minn'],
  ['MS', 'Mississippi', 'Miss'],
  ['MO', 'Missouri'],
  ['MT', 'Montana', 'Mont'],
  ['NE', 'Nebraska', 'Nebr', 'Neb'],
  ['NV', 'Nevada', 'Nev'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico', 'N Mex', 'New Mex'],
  ['NY', 'New York', 'New York State'],
  ['NC', 'North Carolina', 'N Car'],
  ['ND', 'North Dakota', 'N Dak'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma', 'Okla'],
  ['OR', 'Oregon', 'Ore', 'Oreg'],
  ['PA', 'Pennsylvania', 'Penn', 'Penna'],
  ['RI', 'Rhode Island', 'Rhode Island and Providence Plantations'],
  ['SC', 'South Carolina', 'S Car'],
  ['SD', 'South Dakota', 'S Dak'],
  ['TN', 'Tennessee', 'Tenn'],
  ['TX', 'Texas', 'Tex'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington', 'Wash', 'Washington State'],
  ['WV', 'West Virginia', 'W Va', 'W Virginia'],
  ['WI', 'Wisconsin', 'Wis', 'Wisc'],
  ['WY', 'Wyoming', 'Wyo'],
  ['PR', 'Puerto Rico', 'Commonwealth of Puerto Rico'],
  ['GU', 'Guam'],
  ['VI', 'U.S. Virgin Islands', 'Virgin Islands', 'United States Virgin Islands', 'Virgin Islands of the US'],
  ['AS', 'American Samoa'],
  ['MP', 'Northern Mariana Islands', 'Commonwealth of the Northern Mariana Islands', 'Mariana Islands'],
]

// Country values under which a state is a US state; territories have ISO codes of their own.
const US_COUNTRIES = new Set([
  'us',
  'usa',
  'unitedstates',
  'unitedstatesofamerica',
  'america',
  'pr',
  'gu',
  'vi',
  'as',
  'mp',
  'puertorico',
  'guam',
  'americansamoa',
])

const NOT_LETTER = /[^a-z]/g
const APOSTROPHES = /['’‘`ʻ]/g
const PART_SEPARATORS = /[()[\],;/|]|\s[-–]\s/
const PREFIXES = /^(?:us-|state of |commonwealth of )/

// Every spelling reduced to its letters only: `N.Y.`, `n y` and `NY` are all `ny`.
function compact(text: string): string {
  return foldText(text.replace(APOSTROPHES, '')).replace(NOT_LETTER, '')
}

const CODE_BY_SPELLING = new Map<string, string>()
const NAME_BY_CODE = new Map<string, string>()
for (const [code, name, ...others] of STATES) {
  NAME_BY_CODE.set(code!, name!)
  for (const spelling of [code!, name!, ...others]) CODE_BY_SPELLING.set(compact(spelling), code!)
}

function codeOf(text: string): string | undefined {
  return CODE_BY_SPELLING.get(compact(text.trim().replace(PREFIXES, '')))
}

function isUsCountry(country: string | null | undefined): boolean {
  if (country === null || country === undefined || country.trim() === '') return true
  return US_COUNTRIES.has(compact(country))
}

/**
 * The two-letter USPS code of a US state, DC or territory (PR, GU, VI, AS, MP) from a full name in any
 * case or spacing (`new  york`, `Hawai'i`), a code (`wa`, `US-WA`) or an old abbreviation (`Calif.`,
 * `N.Y.`, `Wash.`). Null when unknown, or when `country` is given and is not the US.
 */
export function normalizeUsState(raw: string | null | undefined, country?: string | null): string | null {
  if (raw === null || raw === undefined || !isUsCountry(country)) return null
  const text = raw.trim().toLowerCase()
  const direct = codeOf(text)
  if (direct !== undefined) return direct
  // `California (CA)`, `WA - Washington`, `Texas, USA`: every part must name the same state.
  const codes = new Set<string | undefined>()
  for (const part of text.split(PART_SEPARATORS)) {
    if (compact(part) !== '' && !US_COUNTRIES.has(compact(part))) codes.add(codeOf(part))
  }
  const [only] = codes
  return codes.size === 1 && only !== undefined ? only : null
}

/** The name of a state or territory from its USPS code (`WA` → `Washington`); null when unknown. */
export function usStateName(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null
  return NAME_BY_CODE.get(code.trim().toUpperCase()) ?? null
}
