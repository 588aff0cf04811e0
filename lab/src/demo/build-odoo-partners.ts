// res_partner rows for the customers: one company record (two for companies entered twice), its
// contacts under parent_id, subsidiaries under their parent, ids in creation order.
import type { OdooReference, Rep } from './build-odoo-reference.ts'
import { dayToSeconds, officeSeconds } from './dates.ts'
import type { Company, OdooVersion, Person } from './demo-world.ts'
import { createIdSequence } from './id-sequence.ts'
import { rawWebsite } from './name-variants.ts'
import { timestamps } from './odoo-timestamps.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface CompanyPartners {
  companyId: number
  duplicateId: number | null
  contactIds: Map<Person, number>
  /** The account owner. */
  rep: Rep
}

export interface BuiltPartners {
  rows: Row[]
  byCompany: Map<string, CompanyPartners>
}

interface Draft {
  id: number
  at: number
  order: number
  build: (id: number) => Row
  assign: (id: number) => void
}

export function buildOdooPartners(
  random: Random,
  companies: readonly Company[],
  reference: OdooReference,
  options: { version: OdooVersion; anchorDay: number },
): BuiltPartners {
  const { anchorDay } = options
  const displayColumn = options.version === 14 ? 'display_name' : 'complete_name'
  const drafts: Draft[] = []
  const byCompany = new Map<string, CompanyPartners>()
  const activeReps = reference.reps.filter((r) => r.active)
  const lang = (country: string) =>
    ({ DE: 'de_DE', AT: 'de_DE', CH: 'de_DE', FR: 'fr_FR', NL: 'nl_NL' })[country] ?? 'en_US'

  for (const company of companies.filter((c) => c.inOdoo)) {
    const entry: CompanyPartners = {
      companyId: 0,
      duplicateId: null,
      contactIds: new Map(),
      rep: random.pick(reference.reps),
    }
    byCompany.set(company.key, entry)
    const created = dayToSeconds(anchorDay - company.ageDays, officeSeconds(random))
    const address = {
      street: random.chance(0.85) ? company.street : null,
      zip: random.chance(0.8) ? company.zip : null,
      city: random.chance(0.92) ? company.city : null,
      state_id: company.stateCode
        ? (reference.stateId.get(`${company.country}:${company.stateCode}`) ?? null)
        : null,
      country_id: random.chance(0.93) ? (reference.countryId.get(company.country) ?? null) : null,
    }
    const base = (id: number, name: string): Row => ({
      id,
      name,
      [displayColumn]: name,
      is_company: true,
      type: 'contact',
      company_id: 1,
      active: true,
      commercial_partner_id: id,
      customer_rank: random.int(1, 40),
      supplier_rank: 0,
      partner_share: true,
      lang: lang(company.country),
      user_id: entry.rep.userId,
      vat: company.vat,
      ...address,
      phone: random.chance(0.6)
        ? `${company.phonePrefix.length === 3 ? `+1 ${company.phonePrefix}` : company.phonePrefix} ${random.int(200, 999)} ${random.int(1000, 9999)}`
        : null,
    })
    drafts.push({
      id: 0,
      at: created,
      order: drafts.length,
      assign: (id) => {
        entry.companyId = id
      },
      build: (id) => ({
        ...base(id, company.name),
        website: company.websiteRaw,
        email:
          company.domain && random.chance(0.3)
            ? `${random.pick(['info', 'contact', 'hello', 'office'])}@${company.domain}`
            : null,
        ref: random.chance(0.3) ? `CUST-${company.key.slice(1)}` : null,
        comment: random.chance(0.08)
          ? `<p>Key account since ${new Date(created * 1000).getUTCFullYear()}</p>`
          : null,
        ...timestamps(random, created, anchorDay),
      }),
    })
    for (const person of company.contacts) {
      const at = created + random.int(0, 400) * 86_400 * (random.chance(0.5) ? 0 : 1)
      drafts.push({
        id: 0,
        at,
        order: drafts.length,
        assign: (id) => entry.contactIds.set(person, id),
        build: (id) => ({
          id,
          name: `${person.first} ${person.last}`,
          [displayColumn]: `${company.name}, ${person.first} ${person.last}`,
          is_company: false,
          type: 'contact',
          company_id: 1,
          active: random.chance(0.96),
          partner_share: true,
          parent_id: entry.companyId,
          commercial_partner_id: entry.companyId,
          commercial_company_name: company.name,
          function: random.chance(0.6) ? person.jobTitle : null,
          email: person.email,
          phone: person.phone,
          mobile: random.chance(0.15) ? person.phone : null,
          lang: lang(company.country),
          ...address,
          customer_rank: 0,
          supplier_rank: 0,
          ...timestamps(random, at, anchorDay),
        }),
      })
    }
    if (company.duplicateName) {
      const at = created + random.int(30, Math.max(31, company.ageDays - 10)) * 86_400
      const firstContact = company.contacts[0]
      drafts.push({
        id: 0,
        at,
        order: drafts.length,
        assign: (id) => {
          entry.duplicateId = id
        },
        build: (id) => ({
          ...base(id, company.duplicateName as string),
          website: company.domain && random.chance(0.4) ? rawWebsite(random, company.domain) : null,
          email: firstContact?.email ?? null,
          user_id: random.pick(activeReps).userId,
          active: random.chance(0.8),
          ...timestamps(random, at, anchorDay),
        }),
      })
    }
  }

  drafts.sort((a, b) => a.at - b.at || a.order - b.order)
  const ids = createIdSequence(random, { start: reference.nextPartnerId, gapRate: 0.02 })
  for (const draft of drafts) {
    draft.id = ids.next()
    draft.assign(draft.id)
  }
  // Built after every id is known: contacts point at their company, subsidiaries at their parent.
  const rows = drafts.map((draft) => draft.build(draft.id))
  const rowById = new Map(rows.map((row) => [row.id as number, row]))
  for (const company of companies) {
    if (!company.parentKey || !company.inOdoo) continue
    const own = byCompany.get(company.key)
    const parent = byCompany.get(company.parentKey)
    const row = own ? rowById.get(own.companyId) : undefined
    if (row && parent) row.parent_id = parent.companyId
  }
  return { rows, byCompany }
}
