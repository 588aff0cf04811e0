// Drafts one company name in a shape typical of its country: `Apex Dental Group`, `Harper & Cole`,
// `Zentrix Health`, `City of Riverbend`, `Müller Präzisionstechnik GmbH`, `Van der Berg Logistiek B.V.`.
import {
  COINED_ENDS,
  COINED_STARTS,
  DE_SECTORS,
  DE_SURNAMES,
  FR_SECTORS,
  FR_SURNAMES,
  FR_WORDS,
  IBERIAN_ITALIAN,
  INSTITUTIONS,
  LEGAL_SUFFIXES,
  NAME_PREFIXES,
  NL_SECTORS,
  NL_SURNAMES,
  ORG_WORDS,
  SECTORS,
  UK_PLACES,
  UK_SECTORS,
  US_SURNAMES_FOR_FIRMS,
} from './company-words.ts'
import { type City, US_CITIES } from './geography.ts'
import type { Random } from './random.ts'

export interface NameDraft {
  baseName: string
  suffix: string | null
  country: string
  industry: string
  /** Top-level domain the company would use. */
  tld: string
  institution: boolean
  /** Where the company must be, when its name says so. */
  city?: City
}

const COUNTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['US', 78],
  ['CA', 3],
  ['DE', 5],
  ['FR', 3],
  ['GB', 3],
  ['NL', 3],
  ['OTHER', 5],
]

const EU_INDUSTRY: Readonly<Record<string, string>> = {
  Logistik: 'Transportation and Logistics',
  Spedition: 'Transportation and Logistics',
  Transport: 'Transportation and Logistics',
  Logistique: 'Transportation and Logistics',
  Logistiek: 'Transportation and Logistics',
  Medizintechnik: 'Healthcare',
  Santé: 'Healthcare',
  Zorg: 'Healthcare',
  Versicherungen: 'Financial Services',
  Insurance: 'Financial Services',
  Immobilien: 'Real Estate and Construction',
  Property: 'Real Estate and Construction',
  Bouw: 'Real Estate and Construction',
  Softwarehaus: 'Software and Internet',
  Datentechnik: 'Software and Internet',
  Informatique: 'Software and Internet',
  Software: 'Software and Internet',
  Digital: 'Software and Internet',
  Analytics: 'Software and Internet',
  Médias: 'Media and Entertainment',
  Media: 'Media and Entertainment',
  Verlag: 'Media and Entertainment',
  Retail: 'Retail',
  Distribution: 'Retail',
  Bäckerei: 'Consumer Goods',
}

function suffixFor(random: Random, country: string): string | null {
  const options = LEGAL_SUFFIXES[country]
  return options ? random.weighted(options) : null
}

function euIndustry(sector: string): string {
  return EU_INDUSTRY[sector] ?? 'Manufacturing'
}

/** Drafts a name for a company in a country picked by the demo's country mix. */
export function draftCompanyName(random: Random): NameDraft {
  const country = random.weighted(COUNTRY_WEIGHTS)
  if (country === 'US' || country === 'CA') return draftNorthAmerican(random, country)
  if (country === 'DE') {
    const sector = random.pick(DE_SECTORS)
    const name = random.chance(0.7)
      ? `${random.pick(DE_SURNAMES)} ${sector}`
      : `${sector} ${random.pick(DE_SURNAMES)}`
    return draft(name, suffixFor(random, 'DE'), 'DE', euIndustry(sector), random.chance(0.8) ? 'de' : 'com')
  }
  if (country === 'FR') {
    const sector = random.pick(FR_SECTORS)
    const name = random.weighted<string>([
      [`Société ${random.pick(FR_WORDS)} de ${sector}`, 35],
      [`Groupe ${random.pick(FR_SURNAMES)}`, 30],
      [`${random.pick(FR_SURNAMES)} ${sector}`, 35],
    ])
    return draft(name, suffixFor(random, 'FR'), 'FR', euIndustry(sector), 'fr')
  }
  if (country === 'NL') {
    const sector = random.pick(NL_SECTORS)
    return draft(
      `${random.pick(NL_SURNAMES)} ${sector}`,
      suffixFor(random, 'NL'),
      'NL',
      euIndustry(sector),
      'nl',
    )
  }
  if (country === 'GB') {
    const sector = random.pick(UK_SECTORS)
    const name = random.chance(0.7)
      ? `${random.pick(UK_PLACES)} ${sector}`
      : `${random.pick(UK_PLACES)} & ${random.pick(US_SURNAMES_FOR_FIRMS)}`
    return draft(name, suffixFor(random, 'GB'), 'GB', euIndustry(sector), 'co.uk')
  }
  const pick = random.pick(IBERIAN_ITALIAN)
  const tld = pick.country === 'CA' ? 'ca' : pick.country.toLowerCase()
  return draft(pick.name, pick.suffix, pick.country, euIndustry(pick.name.split(' ')[1] ?? ''), tld)
}

function draftNorthAmerican(random: Random, country: string): NameDraft {
  const shape = random.weighted<string>([
    ['prefix-sector-org', 34],
    ['prefix-sector', 12],
    ['prefix-org', 12],
    ['coined', 16],
    ['surnames', 7],
    ['surname-sector', 10],
    ['institution', 9],
  ])
  const sector = random.pick(SECTORS)
  const suffix = suffixFor(random, country)
  const tld =
    country === 'CA' && random.chance(0.6) ? 'ca' : sector.tld && random.chance(0.5) ? sector.tld : 'com'
  switch (shape) {
    case 'prefix-sector-org':
      return draft(
        `${random.pick(NAME_PREFIXES)} ${sector.word} ${random.pick(ORG_WORDS)}`,
        suffix,
        country,
        sector.industry,
        tld,
      )
    case 'prefix-sector':
      return draft(`${random.pick(NAME_PREFIXES)} ${sector.word}`, suffix, country, sector.industry, tld)
    case 'prefix-org': {
      const industry = random.pick(SECTORS).industry
      return draft(
        `${random.pick(NAME_PREFIXES)} ${random.pick(ORG_WORDS)}`,
        suffix,
        country,
        industry,
        'com',
      )
    }
    case 'coined': {
      const coined = `${random.pick(COINED_STARTS)}${random.pick(COINED_ENDS)}`
      const name = random.chance(0.5) ? `${coined} ${sector.word}` : coined
      return draft(
        name,
        suffix,
        country,
        sector.industry,
        random.chance(0.4) ? random.pick(['io', 'ai', 'co']) : 'com',
      )
    }
    case 'surnames': {
      const [a, b] = random.sample(US_SURNAMES_FOR_FIRMS, 2)
      const name = random.chance(0.7) ? `${a} & ${b}` : `${a}, ${b} and Associates`
      return draft(name, random.chance(0.5) ? 'LLP' : suffix, country, 'Professional Services', 'com')
    }
    case 'surname-sector':
      return draft(
        `${random.pick(US_SURNAMES_FOR_FIRMS)} ${sector.word}`,
        suffix,
        country,
        sector.industry,
        tld,
      )
    default: {
      // Public bodies are named after their town: `City of Spokane`, `Boise Community College`.
      const institution = random.pick(INSTITUTIONS)
      const city = country === 'US' ? random.pick(US_CITIES) : undefined
      const usesTown = city && (institution.pattern.startsWith('City of') || random.chance(0.6))
      const place = usesTown ? city.city : random.pick(NAME_PREFIXES)
      return {
        baseName: institution.pattern.replace('{place}', place),
        suffix: null,
        country,
        industry: institution.industry,
        tld: institution.tld,
        institution: true,
        ...(usesTown ? { city } : {}),
      }
    }
  }
}

function draft(
  baseName: string,
  suffix: string | null,
  country: string,
  industry: string,
  tld: string,
): NameDraft {
  return { baseName, suffix, country, industry, tld, institution: false }
}
