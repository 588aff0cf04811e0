// The customer companies: names, domains, addresses and contacts, plus the awkward relations between
// them (twins with near-identical names, parents and subsidiaries, renames, acronyms, Odoo duplicates).
import { draftCompanyName, type NameDraft } from './company-names.ts'
import { LEGAL_SUFFIXES, NAME_PREFIXES, ORG_WORDS, SECTORS, TWIN_SWAPS } from './company-words.ts'
import type { Company } from './demo-world.ts'
import { makeContacts } from './generate-contacts.ts'
import { type City, OTHER_CITIES, STREET_NAMES, US_CITIES } from './geography.ts'
import {
  acronymOf,
  rawWebsite,
  stripAccents,
  transliterateGerman,
  varyCompanyName,
  withSuffix,
} from './name-variants.ts'
import type { Random } from './random.ts'

const TWIN_INDUSTRY: Readonly<Record<string, string>> = {
  Wealth: 'Financial Services',
  Delta: 'Software and Internet',
  Capitol: 'Government',
  Goods: 'Consumer Goods',
  Logistix: 'Transportation and Logistics',
  Metal: 'Manufacturing',
  Medica: 'Healthcare',
  Maine: 'Transportation and Logistics',
}

const SUBSIDIARY_TAILS = ['West', 'East', 'Labs', 'Digital', 'Federal', 'Health', 'Canada', 'Europe'] as const

export interface GenerateCompaniesOptions {
  /** Companies in Odoo. */
  count: number
  /** Extra companies that exist only in ACE (prospects AWS referred). */
  prospects: number
  anchorDay: number
}

/** Generates the companies; every name is distinct except the deliberate twins. */
export function generateCompanies(random: Random, options: GenerateCompaniesOptions): Company[] {
  const taken = new Set<string>()
  const domains = new Set<string>()
  const companies: Company[] = []
  const twinPairs = Math.round(options.count * 0.03)
  const subsidiaries = Math.round(options.count * 0.05)

  const add = (draft: NameDraft): Company => {
    const company = buildCompany(random, draft, `C${pad(companies.length + 1)}`, domains, options.anchorDay)
    companies.push(company)
    return company
  }

  for (let i = 0; i < twinPairs && companies.length + 2 <= options.count; i++) {
    const [a, b] = draftTwins(random, taken)
    const first = add(a)
    const second = add(b)
    first.twinKey = second.key
    second.twinKey = first.key
  }
  while (companies.length < options.count - subsidiaries) add(uniqueDraft(random, taken))
  const parents = random.sample(
    companies.filter((c) => c.country === 'US' && !c.twinKey && c.baseName.split(' ').length <= 3),
    subsidiaries,
  )
  for (const parent of parents) {
    if (companies.length >= options.count) break
    const key = `C${pad(companies.length + 1)}`
    companies.push(buildSubsidiary(random, parent, key, taken, domains, options.anchorDay))
  }
  while (companies.length < options.count) add(uniqueDraft(random, taken))

  for (const company of companies) {
    if (!company.twinKey && company.baseName.split(/\s+/).length >= 3 && random.chance(0.16)) {
      company.acronym = acronymOf(stripAccents(company.baseName))
    }
    if (!company.acronym && random.chance(0.03)) {
      // A rebrand keeps the legal form; public bodies are not renamed.
      const former = uniqueDraft(random, taken)
      if (!former.institution && !company.suffix?.includes('&'))
        company.formerName = withSuffix(former.baseName, company.suffix)
    }
    if (random.chance(0.045)) {
      const variant = varyCompanyName(random, { ...company, acronym: null, formerName: null })
      company.duplicateName = variant.name === company.name ? company.name.toUpperCase() : variant.name
    }
  }

  const prospects = Array.from({ length: options.prospects }, (_, i) => {
    const prospect = buildCompany(
      random,
      uniqueDraft(random, taken),
      `P${pad(i + 1)}`,
      domains,
      options.anchorDay,
    )
    prospect.inOdoo = false
    return prospect
  })
  return [...companies, ...prospects]
}

function pad(n: number): string {
  return String(n).padStart(4, '0')
}

function nameKey(baseName: string): string {
  return stripAccents(baseName)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

function uniqueDraft(random: Random, taken: Set<string>): NameDraft {
  for (let attempt = 0; attempt < 200; attempt++) {
    const draft = draftCompanyName(random)
    const key = nameKey(draft.baseName)
    if (!taken.has(key)) {
      taken.add(key)
      return draft
    }
  }
  // The word lists ran dry (a very large size): number the name rather than repeat one.
  const draft = draftCompanyName(random)
  draft.baseName = `${draft.baseName} ${taken.size}`
  taken.add(nameKey(draft.baseName))
  return draft
}

function draftTwins(random: Random, taken: Set<string>): [NameDraft, NameDraft] {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [from, to] = random.pick(TWIN_SWAPS)
    const sector = random.pick(SECTORS)
    const prefix = random.pick(NAME_PREFIXES)
    const org = random.pick(ORG_WORDS)
    // The swapped word takes its natural place: a sector word in the middle, an org word last, else first.
    const shape = (word: string) =>
      (ORG_WORDS as readonly string[]).includes(word)
        ? `${prefix} ${sector.word} ${word}`
        : SECTORS.some((s) => s.word === word) || TWIN_INDUSTRY[word]
          ? `${prefix} ${word} ${org}`
          : `${word} ${sector.word} ${org}`
    const first = shape(from)
    const second = shape(to)
    if (taken.has(nameKey(first)) || taken.has(nameKey(second))) continue
    taken.add(nameKey(first))
    taken.add(nameKey(second))
    const industryOf = (word: string) =>
      TWIN_INDUSTRY[word] ?? SECTORS.find((s) => s.word === word)?.industry ?? sector.industry
    const suffix = random.weighted(LEGAL_SUFFIXES.US ?? [[null, 1]])
    const draft = { suffix, country: 'US', tld: 'com', institution: false }
    return [
      { ...draft, baseName: first, industry: industryOf(from) },
      {
        ...draft,
        baseName: second,
        industry: industryOf(to),
        suffix: random.chance(0.5) ? suffix : random.weighted(LEGAL_SUFFIXES.US ?? [[null, 1]]),
      },
    ]
  }
  return [uniqueDraft(random, taken), uniqueDraft(random, taken)]
}

function makeDomain(random: Random, baseName: string, tld: string, domains: Set<string>): string {
  const words = transliterateGerman(baseName)
    .toLowerCase()
    .replace(/&/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !['of', 'and', 'de', 'the', 'city', 'der'].includes(w))
  const options = [
    words.slice(0, 2).join(''),
    words.join(''),
    words.slice(0, 2).join('-'),
    `${words
      .slice(0, -1)
      .map((w) => w[0])
      .join('')}${words.at(-1) ?? ''}`,
    `${words[0] ?? 'co'}${tld === 'com' ? 'hq' : ''}`,
    `${words.join('')}${random.int(2, 99)}`,
  ]
  const ordered = random.chance(0.6) ? options : random.shuffle(options.slice(0, 4)).concat(options.slice(4))
  for (const label of ordered) {
    if (!label || label.length < 3) continue
    const domain = `${label.slice(0, 40)}.${tld}`
    if (!domains.has(domain)) {
      domains.add(domain)
      return domain
    }
  }
  const fallback = `${words.join('')}-${domains.size}.${tld}`
  domains.add(fallback)
  return fallback
}

function pickCity(random: Random, country: string): City {
  if (country === 'US') return random.pick(US_CITIES)
  const local = OTHER_CITIES.filter((c) => c.country === country)
  return local.length > 0 ? random.pick(local) : random.pick(US_CITIES)
}

function buildCompany(
  random: Random,
  draft: NameDraft,
  key: string,
  domains: Set<string>,
  anchorDay: number,
): Company {
  const city = draft.city ?? pickCity(random, draft.country)
  // Small firms without a domain of their own write from free-mail addresses.
  const hasDomain = draft.institution || !random.chance(0.07)
  const domain = hasDomain ? makeDomain(random, draft.baseName, draft.tld, domains) : null
  const company: Company = {
    key,
    name: withSuffix(draft.baseName, draft.suffix),
    baseName: draft.baseName,
    suffix: draft.suffix,
    domain,
    websiteRaw: domain && random.chance(0.8) ? rawWebsite(random, domain) : null,
    country: city.country,
    stateCode: city.state,
    city: city.city,
    zip: `${city.zip}${String(random.int(0, 99)).padStart(2, '0')}`.slice(0, city.country === 'US' ? 5 : 6),
    street: `${random.int(1, 9800)} ${random.pick(STREET_NAMES)}`,
    phonePrefix: city.phone,
    industry: draft.industry,
    inOdoo: true,
    acronym: null,
    formerName: null,
    parentKey: null,
    twinKey: null,
    duplicateName: null,
    vat: ['US', 'CA'].includes(city.country)
      ? null
      : `${city.country}${random.int(100_000_000, 999_999_999)}`,
    contacts: [],
    activity: random.chance(0.12) ? 0 : random.logNormal(1, 0.8),
    monthlySpend: Math.round(random.logNormal(6_000, 1.2)),
    ageDays: random.int(200, Math.min(2_400, anchorDay)),
  }
  company.contacts = makeContacts(random, company)
  return company
}

function buildSubsidiary(
  random: Random,
  parent: Company,
  key: string,
  taken: Set<string>,
  domains: Set<string>,
  anchorDay: number,
): Company {
  const tail = random.pick(SUBSIDIARY_TAILS)
  const core = parent.baseName.split(' ').slice(0, 2).join(' ')
  let baseName = `${core} ${tail}`
  if (taken.has(nameKey(baseName))) baseName = `${parent.baseName} ${tail}`
  taken.add(nameKey(baseName))
  const country = tail === 'Canada' ? 'CA' : tail === 'Europe' ? random.pick(['DE', 'NL']) : parent.country
  const suffix = country === 'DE' ? 'GmbH' : country === 'NL' ? 'B.V.' : parent.suffix
  const draft: NameDraft = {
    baseName,
    suffix,
    country,
    industry: parent.industry,
    tld: 'com',
    institution: false,
  }
  const subsidiary = buildCompany(random, draft, key, domains, anchorDay)
  if (parent.domain && random.chance(0.5)) {
    domains.delete(subsidiary.domain ?? '')
    subsidiary.domain = parent.domain
    subsidiary.websiteRaw = subsidiary.websiteRaw ? rawWebsite(random, parent.domain) : null
    subsidiary.contacts = makeContacts(random, subsidiary)
  }
  subsidiary.parentKey = parent.key
  subsidiary.ageDays = random.int(Math.min(150, parent.ageDays), parent.ageDays)
  return subsidiary
}
