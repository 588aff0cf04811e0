// How one company's name and website drift between systems: suffixes, casing, abbreviations, typos,
// dropped accents, acronyms. Each variant reports a tag so the ground truth can say what was done.
import type { Random } from './random.ts'

const LATIN_EXTRA: Readonly<Record<string, string>> = { ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', ł: 'l' }

/** Drops diacritics the way people type on a US keyboard (`Müller` → `Muller`). */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßøØæÆł]/g, (ch) => LATIN_EXTRA[ch] ?? ch)
}

/** German transliteration, as used in domain names (`Müller` → `Mueller`). */
export function transliterateGerman(text: string): string {
  return stripAccents(
    text
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/Ä/g, 'Ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue'),
  )
}

/** The first letters of the significant words (`Pacific Northwest Credit Union` → `PNCU`). */
export function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word.length > 0 && !['of', 'and', '&', 'the', 'de', 'der'].includes(word.toLowerCase()))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
}

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bInternational\b/, 'Intl'],
  [/\bServices\b/, 'Svcs'],
  [/\bTechnologies\b/, 'Tech'],
  [/\bCorporation\b/, 'Corp'],
  [/\bCompany\b/, 'Co'],
  [/\bAssociates\b/, 'Assoc.'],
  [/\bManufacturing\b/, 'Mfg'],
  [/\bGroup\b/, 'Grp'],
  [/\bSolutions\b/, 'Soln'],
  [/\bMedical Center\b/, 'Med Ctr'],
  [/\bSchool District\b/, 'SD'],
  [/\bMountain\b/, 'Mtn'],
]

const SUFFIX_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  'Inc.': ['Inc', 'Incorporated', ', Inc.', 'INC'],
  Inc: ['Inc.', 'Incorporated'],
  LLC: ['L.L.C.', 'llc', 'Inc.'],
  'Corp.': ['Corp', 'Corporation', 'Inc.'],
  Corporation: ['Corp.', 'Corp'],
  'Co.': ['Company', 'Co'],
  GmbH: ['Gmbh', 'GMBH', 'AG'],
  AG: ['A.G.', 'GmbH'],
  'GmbH & Co. KG': ['GmbH & Co KG', 'GmbH'],
  SAS: ['S.A.S.', 'SA'],
  'S.A.': ['SA', 'S.A', 'SAS'],
  SARL: ['S.A.R.L.', 'Sarl'],
  'B.V.': ['BV', 'B.V', 'bv'],
  'N.V.': ['NV'],
  Ltd: ['Ltd.', 'Limited', 'LTD'],
  'Ltd.': ['Ltd', 'Limited'],
  Limited: ['Ltd'],
  PLC: ['plc', 'Ltd'],
}

/** Joins a base name and legal suffix the way Odoo users type it. */
export function withSuffix(baseName: string, suffix: string | null): string {
  if (!suffix) return baseName
  if (suffix.startsWith(',')) return `${baseName}${suffix}`
  return `${baseName} ${suffix}`
}

/** One keyboard slip: a swapped, dropped or doubled letter, away from the first letter. */
export function typo(random: Random, text: string): string {
  const letters = [...text]
  const positions = letters.map((ch, i) => (i > 1 && /\p{L}/u.test(ch) ? i : -1)).filter((i) => i > 0)
  if (positions.length < 2) return text
  const at = random.pick(positions)
  const kind = random.int(0, 2)
  if (kind === 0 && at + 1 < letters.length && /\p{L}/u.test(letters[at + 1] ?? '')) {
    ;[letters[at], letters[at + 1]] = [letters[at + 1] as string, letters[at] as string]
  } else if (kind === 1) {
    letters.splice(at, 1)
  } else {
    letters.splice(at, 0, letters[at] as string)
  }
  return letters.join('')
}

export interface NameVariant {
  name: string
  /** What was done, e.g. `suffix_dropped`, `typo`; `exact` when nothing. */
  tags: string[]
}

export interface VariantCompany {
  baseName: string
  suffix: string | null
  acronym: string | null
  formerName: string | null
}

/**
 * The company name as someone typed it into ACE (or a second system): mostly recognisable, sometimes
 * abbreviated, mistyped or replaced by an acronym or former name.
 */
export function varyCompanyName(random: Random, company: VariantCompany): NameVariant {
  if (company.acronym && random.chance(0.6)) {
    const suffix = random.chance(0.4) ? company.suffix : null
    return { name: withSuffix(company.acronym, suffix), tags: ['acronym'] }
  }
  if (company.formerName && random.chance(0.5)) return { name: company.formerName, tags: ['former_name'] }
  const tags: string[] = []
  let base = company.baseName
  let suffix = company.suffix
  const change = random.weighted<string>([
    ['exact', 34],
    ['suffix_dropped', suffix ? 20 : 0],
    ['suffix_changed', suffix ? 9 : 0],
    ['casing', 8],
    ['ampersand', /&| and /.test(base) ? 6 : 0],
    ['punctuation', 6],
    ['abbreviation', ABBREVIATIONS.some(([pattern]) => pattern.test(base)) ? 6 : 0],
    ['typo', 5],
    ['descriptor', 3],
  ])
  if (change === 'suffix_dropped') suffix = null
  if (change === 'suffix_changed' && suffix) suffix = random.pick(SUFFIX_ALTERNATIVES[suffix] ?? [suffix])
  if (change === 'ampersand')
    base = base.includes('&') ? base.replace('&', 'and') : base.replace(' and ', ' & ')
  if (change === 'abbreviation') {
    const applicable = ABBREVIATIONS.filter(([pattern]) => pattern.test(base))
    const [pattern, short] = random.pick(applicable)
    base = base.replace(pattern, short)
  }
  if (change === 'typo') base = typo(random, base)
  if (change === 'descriptor')
    base = random.pick([`The ${base}`, `${base} - IT`, `${base} (HQ)`, `${base} USA`])
  let name = withSuffix(base, suffix)
  if (change === 'casing') name = random.chance(0.6) ? name.toUpperCase() : name.toLowerCase()
  if (change === 'punctuation') name = name.replace(/[.,]/g, '').replace(/-/g, ' ').replace(/\s+/g, ' ')
  if (name !== stripAccents(name) && random.chance(0.6)) {
    name = stripAccents(name)
    tags.push('accents_dropped')
  }
  tags.unshift(change)
  return { name: name.trim(), tags }
}

/** A website as typed into an Odoo partner form: scheme, `www.`, casing and trailing slash vary. */
export function rawWebsite(random: Random, domain: string): string {
  const [label, ...rest] = domain.split('.')
  const capitalised = `${(label ?? '').charAt(0).toUpperCase()}${(label ?? '').slice(1)}.${rest.join('.')}`
  return random.weighted<string>([
    [`https://www.${domain}/`, 22],
    [`https://www.${domain}`, 14],
    [`http://www.${domain}`, 10],
    [`https://${domain}/`, 8],
    [`www.${domain}`, 16],
    [domain, 14],
    [`www.${capitalised}`, 6],
    [`https://www.${domain}/en/`, 4],
    [`https://www.${domain}/home`, 3],
    [`${domain.toUpperCase()}`, 3],
  ])
}

/** The APN form: a bare lower-case domain, occasionally still with `www.`. */
export function cleanWebsite(random: Random, domain: string): string {
  return random.chance(0.9) ? domain : `www.${domain}`
}
