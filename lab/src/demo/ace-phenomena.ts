// Applies the harder world's phenomena to built ACE records: the contact Odoo also knows, the name, site
// and address the customer uses today (rebrand, division), close dates re-forecast in ACE only, budgets
// off by a factor of two. Runs before anything reads the rows (follow-ups, lead patches, billing), each
// phenomenon on its own forked generator; a rate of 0 skips it without a draw.
import type { AceRecord } from './build-ace-opportunities.ts'
import { moveEmail } from './customer-domains.ts'
import { formatDay, parseDay } from './dates.ts'
import type { Company } from './demo-world.ts'
import { type Division, planDivisions } from './divisions.ts'
import { makePerson } from './generate-contacts.ts'
import { niceAmount } from './generate-deals.ts'
import { STREET_NAMES, stateName } from './geography.ts'
import { cleanWebsite, varyCompanyName } from './name-variants.ts'
import type { DemoPhenomena } from './phenomena.ts'
import type { Random } from './random.ts'
import { planRebrands, type Rebrand } from './rebrands.ts'

/** Name drifts that do not come from the company's own name, so a new identity does not replace them. */
const FOREIGN_NAMES = ['name:parent_name', 'name:person', 'name:placeholder']

export function applyAcePhenomena(
  random: Random,
  records: readonly AceRecord[],
  companies: readonly Company[],
  phenomena: DemoPhenomena,
): void {
  if (phenomena.sharedContacts > 0) shareContacts(random.fork('contacts'), records, phenomena.sharedContacts)
  const rebrands = planRebrands(random.fork('rebrands'), companies, phenomena.rebrands)
  const domains = new Set(companies.flatMap((c) => (c.domain ? [c.domain] : [])))
  for (const rebrand of rebrands.values()) domains.add(rebrand.domain)
  const deals = [...new Set(records.map((r) => r.deal))].filter((d) => !rebrands.has(d.company.key))
  const divisions = planDivisions(random.fork('divisions'), deals, phenomena.subsidiaries, domains)
  const identity = random.fork('identity')
  for (const record of records) {
    const rebrand = rebrands.get(record.deal.company.key)
    if (rebrand) applyRebrand(identity, record, rebrand)
    const division = divisions.get(record.deal)
    if (division) applyDivision(identity, record, division)
  }
  if (phenomena.aceReforecast > 0) reforecast(random.fork('reforecast'), records, phenomena.aceReforecast)
  if (phenomena.amountFactorTwo > 0) factorTwo(random.fork('amounts'), records, phenomena.amountFactorTwo)
}

/** The ACE contact is one of the Odoo company's people at the given rate, else someone Odoo never saw. */
function shareContacts(random: Random, records: readonly AceRecord[], rate: number): void {
  for (const { row, deal, tags } of records) {
    const company = deal.company
    if (!company.inOdoo || company.contacts.length === 0) continue
    const shared = random.chance(rate)
    const person = shared ? (deal.contact ?? random.pick(company.contacts)) : makePerson(random, company)
    if (shared) tags.push('contact:shared')
    row.customer_first_name = person.first
    row.customer_last_name = person.last
    row.customer_email = person.email
    if (row.customer_phone !== null) row.customer_phone = person.phone
    if (row.customer_title !== null) row.customer_title = person.jobTitle
    const freeMail = tags.indexOf('contact:free_mail')
    if (freeMail >= 0) tags.splice(freeMail, 1)
    if (person.freeMail) tags.push('contact:free_mail')
  }
}

function renames(tags: readonly string[]): boolean {
  return !tags.some((t) => FOREIGN_NAMES.includes(t))
}

function replaceNameTags(tags: string[], added: readonly string[]): void {
  const kept = tags.filter((t) => !t.startsWith('name:'))
  tags.splice(0, tags.length, ...kept, ...added)
}

function setWebsite(random: Random, row: AceRecord['row'], tags: string[], domain: string | null): void {
  row.customer_website = domain ? cleanWebsite(random, domain) : null
  const none = tags.indexOf('website:none')
  if (domain && none >= 0) tags.splice(none, 1)
  if (!domain && none < 0) tags.push('website:none')
}

function applyRebrand(random: Random, { row, deal, tags }: AceRecord, rebrand: Rebrand): void {
  if (renames(tags)) {
    const variant = varyCompanyName(random, { ...rebrand, acronym: null, formerName: null })
    row.name = variant.name
    replaceNameTags(tags, ['name:rebrand', ...variant.tags.map((t) => `name:${t}`)])
  } else tags.push('name:rebrand')
  setWebsite(random, row, tags, rebrand.domain)
  row.customer_email = moveEmail(row.customer_email as string | null, deal.company.domain, rebrand.domain)
}

function applyDivision(random: Random, { row, deal, tags }: AceRecord, division: Division): void {
  if (renames(tags)) {
    // People drop the legal suffix now and then, as with any name.
    row.name = random.chance(0.25) ? division.name.replace(/ \S+$/, '') : division.name
    replaceNameTags(tags, ['name:subsidiary'])
  } else tags.push('name:subsidiary')
  setWebsite(random, row, tags, random.chance(0.85) ? division.domain : null)
  row.customer_email = moveEmail(row.customer_email as string | null, deal.company.domain, division.domain)
  const city = division.city
  row.customer_country = division.country
  row.customer_city = row.customer_city !== null ? city.city : null
  row.customer_state =
    division.country === 'US' && city.state
      ? stateName(city.state)
      : division.country === 'CA'
        ? city.state
        : null
  row.customer_postal_code =
    row.customer_postal_code !== null ? `${city.zip}${String(random.int(0, 99)).padStart(2, '0')}` : null
  row.customer_street =
    row.customer_street !== null ? `${random.int(1, 300)} ${random.pick(STREET_NAMES)}` : null
}

/** Open ACE opportunities whose close date slipped 1–6 months; Odoo's lead keeps the old date. */
function reforecast(random: Random, records: readonly AceRecord[], rate: number): void {
  for (const { row, deal, tags } of records) {
    if (!deal.inOdoo || row.stage_name === 'Launched' || row.stage_name === 'Closed Lost') continue
    if (!random.chance(rate)) continue
    row.close_date = formatDay(parseDay(row.close_date as string) + random.int(30, 182))
    tags.push('close_date:reforecast')
  }
}

/** ACE budgets half or double what the Odoo revenue implies (monthly vs bi-monthly, one account vs two). */
function factorTwo(random: Random, records: readonly AceRecord[], rate: number): void {
  for (const { row, deal, tags } of records) {
    if (!deal.inOdoo || row.project_budget === null || !random.chance(rate)) continue
    row.project_budget = niceAmount((row.project_budget as number) * random.pick([2, 0.5]))
    tags.push('amount:factor_two')
  }
}
