// crm_lead rows: one per Odoo deal plus the duplicates, ids in creation order with gaps for deleted
// leads. The partner link, company name, revenue and dates are each as loosely kept as in real CRMs.
import type { CompanyPartners } from './build-odoo-partners.ts'
import type { OdooReference } from './build-odoo-reference.ts'
import { dayToSeconds, formatDay, formatTimestamp, officeSeconds } from './dates.ts'
import type { Deal } from './demo-world.ts'
import { createIdSequence } from './id-sequence.ts'
import { expectedRevenue, origination, pickStage, varyTitle } from './lead-fields.ts'
import { rawWebsite, varyCompanyName } from './name-variants.ts'
import { timestamps } from './odoo-timestamps.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'
import { makeLeadDescription, makeLeadTitle } from './titles.ts'

export interface BuiltLeads {
  rows: Row[]
  rowById: Map<number, Row>
  /** Ids of leads deleted or merged away: stale CRM ids in ACE point here. */
  deletedIds: readonly number[]
}

const PLACEHOLDERS = [
  'test',
  'TBD',
  'n/a',
  'Test',
  'tbd',
  'N/A',
  '-',
  'xxx',
  'Unknown',
  'TEST COMPANY',
] as const
const STATUS_TEXT = [
  'ACE submitted',
  'Registered in ACE',
  'Waiting on customer',
  'SOW sent',
  'In progress',
  'On hold',
  'PO received',
  'Launched',
  'closed',
  'needs AWS approval',
  'MAP pending',
  'follow up Q1',
] as const

interface LeadDraft {
  deal: Deal
  copy: boolean
  at: number
  /** A second lead entered weeks later by another rep, who did not see the first. */
  reentered: boolean
}

export function buildOdooLeads(
  random: Random,
  deals: readonly Deal[],
  partners: ReadonlyMap<string, CompanyPartners>,
  reference: OdooReference,
  anchorDay: number,
  /** DemoPhenomena.reentryByOtherRep; 0 draws nothing, so the easy world keeps its leads. */
  reentryByOtherRep = 0,
): BuiltLeads {
  const drafts: LeadDraft[] = []
  for (const deal of deals.filter((d) => d.inOdoo)) {
    drafts.push({
      deal,
      copy: false,
      at: dayToSeconds(deal.createdDay, officeSeconds(random)),
      reentered: false,
    })
    if (deal.duplicateLead) {
      const reentered = reentryByOtherRep > 0 && random.chance(reentryByOtherRep)
      if (reentered) deal.tags.push('lead:reentered')
      const gap = reentered ? random.int(14, 70) : random.int(1, 90)
      const later = Math.min(deal.createdDay + gap, anchorDay - 1)
      drafts.push({ deal, copy: true, at: dayToSeconds(later, officeSeconds(random)), reentered })
    }
  }
  drafts.sort((a, b) => a.at - b.at)
  const ids = createIdSequence(random, { start: random.int(40, 400), gapRate: 0.03 })
  const massEditDay = anchorDay - random.int(20, 60)
  const rows: Row[] = []
  for (const draft of drafts) {
    const id = ids.next()
    if (draft.copy) draft.deal.duplicateLeadId = id
    else draft.deal.leadId = id
    const entry = partners.get(draft.deal.company.key)
    if (!entry) throw new Error(`no Odoo partner for ${draft.deal.company.key}`)
    rows.push(buildLead(random, draft, id, entry, reference, anchorDay, massEditDay))
  }
  return { rows, rowById: new Map(rows.map((r) => [r.id as number, r])), deletedIds: ids.gaps }
}

function buildLead(
  random: Random,
  draft: LeadDraft,
  id: number,
  entry: CompanyPartners,
  reference: OdooReference,
  anchorDay: number,
  massEditDay: number,
): Row {
  const { deal, copy } = draft
  const company = deal.company
  const placeholder = deal.kind === 'placeholder' || (!copy && deal.inAce && random.chance(0.012))
  let rep = random.chance(0.7) ? entry.rep : random.pick(reference.reps)
  if (draft.reentered) {
    // The first lead is built before its re-entry (drafts are in time order), so its rep is known.
    const others = reference.reps.filter((r) => r.name !== deal.repName)
    if (others.length > 0) rep = random.pick(others)
  }
  if (!copy) deal.repName = rep.name
  const contactId = deal.contact ? entry.contactIds.get(deal.contact) : undefined

  // Who the lead points at: the contact, the company (sometimes its duplicate record) or nobody.
  const link = placeholder
    ? 'none'
    : random.weighted<string>([
        ['contact', contactId ? 55 : 0],
        ['company', 30],
        ['none', 15],
      ])
  const useDuplicate = entry.duplicateId !== null && (copy ? random.chance(0.6) : random.chance(0.2))
  const companyId = useDuplicate ? (entry.duplicateId as number) : entry.companyId
  const partnerId = link === 'contact' ? (contactId as number) : link === 'company' ? companyId : null
  const companyName = useDuplicate ? (company.duplicateName as string) : company.name
  let partnerName: string | null
  if (placeholder) {
    partnerName = random.pick(PLACEHOLDERS)
    if (!copy) deal.tags.push('lead:placeholder_name')
  } else if (link === 'none') {
    const typed = random.weighted<string>([
      ['variant', 62],
      ['exact', 25],
      ['former', company.formerName ? 8 : 0],
      ['person', deal.contact ? 5 : 0],
    ])
    partnerName =
      typed === 'exact'
        ? company.name
        : typed === 'former'
          ? company.formerName
          : typed === 'person'
            ? `${deal.contact?.first} ${deal.contact?.last}`
            : varyCompanyName(random, { ...company, acronym: null, formerName: null }).name
    if (!copy) deal.tags.push('lead:no_partner', ...(typed === 'person' ? ['lead:person_as_company'] : []))
  } else {
    partnerName = random.chance(link === 'company' ? 0.5 : 0.8) ? companyName : null
    if (!copy && useDuplicate) deal.tags.push('lead:duplicate_partner')
  }
  const contact = deal.contact
  const showContact = contact && (placeholder ? random.chance(0.5) : link !== 'none' || random.chance(0.85))
  const email = showContact ? contact.email : null

  const title = copy
    ? varyTitle(random, deal.leadTitle ?? makeLeadTitle(random, deal))
    : makeLeadTitle(random, deal)
  if (!copy) deal.leadTitle = title
  const created = draft.at
  const stage = pickStage(random, deal, copy, reference)
  const closedAt = stage.closed
    ? dayToSeconds(Math.min(deal.closeDay + random.int(-5, 10), anchorDay - 1), officeSeconds(random))
    : null
  const closed = closedAt !== null ? Math.max(closedAt, created + 3600) : null
  const written = random.chance(0.08)
    ? dayToSeconds(massEditDay, random.int(50_000, 52_000))
    : closed !== null
      ? Math.min(closed + random.int(0, 30) * 86_400 + random.int(0, 3600), dayToSeconds(anchorDay) - 60)
      : Math.max(created, dayToSeconds(anchorDay - random.int(0, 60), officeSeconds(random)) - 86_400)
  const stamps = timestamps(random, created, anchorDay)
  const lastWrite = Math.max(written, created)

  return {
    id,
    name:
      placeholder && deal.kind === 'placeholder' && random.chance(0.4)
        ? random.pick(['test', 'Test opportunity', 'TBD', 'New lead'])
        : title,
    type:
      !copy && deal.inAce
        ? random.chance(0.97)
          ? 'opportunity'
          : 'lead'
        : random.chance(0.85)
          ? 'opportunity'
          : 'lead',
    active: stage.active,
    partner_id: partnerId,
    partner_name: partnerName,
    contact_name:
      showContact && link !== 'contact' && random.chance(0.7) ? `${contact.first} ${contact.last}` : null,
    email_from: email,
    email_normalized: email ? email.toLowerCase() : null,
    phone: showContact && random.chance(0.5) ? contact.phone : null,
    website:
      company.domain && random.chance(link === 'none' ? 0.3 : 0.08)
        ? rawWebsite(random, company.domain)
        : null,
    function: showContact && random.chance(0.3) ? contact.jobTitle : null,
    street: link !== 'none' && random.chance(0.5) ? company.street : null,
    zip: link !== 'none' && random.chance(0.5) ? company.zip : null,
    city: random.chance(link === 'none' ? 0.4 : 0.6) ? company.city : null,
    state_id:
      company.stateCode && random.chance(0.5)
        ? (reference.stateId.get(`${company.country}:${company.stateCode}`) ?? null)
        : null,
    country_id: random.chance(0.6) ? (reference.countryId.get(company.country) ?? null) : null,
    stage_id: stage.id,
    team_id: random.chance(0.9) ? rep.teamId : null,
    user_id: random.chance(0.95) ? rep.userId : null,
    company_id: 1,
    priority: random.weighted([
      ['0', 50],
      ['1', 30],
      ['2', 15],
      ['3', 5],
    ]),
    expected_revenue: expectedRevenue(random, deal, !copy),
    prorated_revenue: null,
    probability: stage.probability,
    automated_probability: stage.closed ? stage.probability : Math.round(random.float(5, 80) * 100) / 100,
    date_deadline: random.chance(0.92)
      ? formatDay(copy ? deal.closeDay + random.int(-20, 40) : deal.closeDay)
      : null,
    date_closed: closed !== null ? formatTimestamp(closed) : null,
    date_open: formatTimestamp(created + random.int(0, 7200)),
    date_last_stage_update: formatTimestamp(
      closed ?? Math.min(created + random.int(0, 40) * 86_400, lastWrite),
    ),
    date_conversion: random.chance(0.4)
      ? formatTimestamp(Math.min(created + random.int(1, 20) * 86_400, lastWrite))
      : null,
    description: makeLeadDescription(random, deal),
    lost_reason: stage.lostReason,
    referred:
      deal.origin === 'aws' && random.chance(0.3) ? random.pick(['AWS', 'AWS rep', 'aws referral']) : null,
    color: 0,
    aws_ace_id: null,
    origination: origination(random, deal),
    status: random.chance(0.5) ? random.pick(STATUS_TEXT) : null,
    ...stamps,
    write_date: formatTimestamp(lastWrite),
    create_uid: rep.userId,
    write_uid: random.chance(0.8) ? rep.userId : 2,
  }
}
