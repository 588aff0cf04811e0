// ACE opportunity rows and the ground truth: one record per ACE deal plus second registrations. Names,
// titles, dates, amounts and ids drift from the Odoo side the way they do when people retype them.

import type { AceContext } from './ace-context.ts'
import {
  aceCloseDay,
  aceCompanyName,
  aceStage,
  awsAccount,
  awsStatus,
  crmIdentifier,
} from './ace-field-drift.ts'
import { CLOSED_LOST_REASONS, DELIVERY_MODELS, PRIMARY_NEEDS } from './ace-values.ts'
import { dayToSeconds, formatDay, formatTimestampTz, officeSeconds } from './dates.ts'
import type { Deal, TruthKind } from './demo-world.ts'
import { makePerson } from './generate-contacts.ts'
import { niceAmount } from './generate-deals.ts'
import { stateName } from './geography.ts'
import { cleanWebsite } from './name-variants.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'
import { makeAceTitle, makeBusinessNeed, NEXT_STEPS } from './titles.ts'

export interface TruthRow {
  ace_id: string
  odoo_lead_id: number | null
  company_key: string
  kind: TruthKind
  note: string
}

export type { AceContext } from './ace-context.ts'

export interface AceRecord {
  row: Row
  deal: Deal
  /** A second registration of a deal already in ACE. */
  duplicate: boolean
  /** What was done to this record's fields. */
  tags: string[]
}

export interface BuiltOpportunities {
  rows: Row[]
  /** Per ACE row: its deal, for the lead patches, the follow-up records and the ground truth. */
  records: AceRecord[]
}

interface Registration {
  deal: Deal
  duplicate: boolean
  at: number
}

export function buildAceOpportunities(
  random: Random,
  deals: readonly Deal[],
  context: AceContext,
): BuiltOpportunities {
  const registrations: Registration[] = []
  for (const deal of deals.filter((d) => d.inAce)) {
    const day = registrationDay(random, deal, context.anchorDay)
    registrations.push({ deal, duplicate: false, at: dayToSeconds(day, officeSeconds(random)) })
    if (deal.duplicateRegistration) {
      const again = Math.min(day + random.int(7, 120), context.anchorDay - 1)
      registrations.push({ deal, duplicate: true, at: dayToSeconds(again, officeSeconds(random)) })
    }
  }
  registrations.sort((a, b) => a.at - b.at)
  let aceNumber = random.int(3_200_000, 4_200_000)
  const rows: Row[] = []
  const records: AceRecord[] = []
  for (const registration of registrations) {
    aceNumber += random.int(300, 6_000)
    const tags: string[] = []
    const row = buildOpportunity(random, registration, `O${aceNumber}`, tags, context)
    rows.push(row)
    records.push({ row, deal: registration.deal, duplicate: registration.duplicate, tags })
  }
  return { rows, records }
}

/** The answer key: each ACE record's Odoo lead (or none), its company and what kind of case it is. */
export function groundTruthRows(records: readonly AceRecord[]): TruthRow[] {
  return records.map(({ row, deal, duplicate, tags }) => {
    const extra =
      deal.duplicateLeadId !== null && deal.leadId !== null
        ? [`odoo_duplicate_lead:${deal.duplicateLeadId}`]
        : []
    return {
      ace_id: row.id as string,
      odoo_lead_id: deal.leadId,
      company_key: deal.company.key,
      kind: duplicate ? 'duplicate_registration' : (deal.kind as TruthKind),
      note: [...tags, ...extra, ...(duplicate ? [] : deal.tags)].join('; '),
    }
  })
}

function registrationDay(random: Random, deal: Deal, anchorDay: number): number {
  const day =
    deal.kind === 'aws_referral_matched'
      ? deal.createdDay - random.int(1, 14)
      : deal.inOdoo
        ? deal.createdDay + random.int(0, 45)
        : deal.createdDay
  return Math.min(day, anchorDay - 1)
}

function buildOpportunity(
  random: Random,
  registration: Registration,
  id: string,
  tags: string[],
  context: AceContext,
): Row {
  const { deal, duplicate, at } = registration
  const company = deal.company
  const anchorDay = context.anchorDay
  const name = aceCompanyName(random, deal, context, tags)
  const contact =
    deal.contact && random.chance(0.8)
      ? deal.contact
      : company.contacts.length > 1 && random.chance(0.5)
        ? random.pick(company.contacts)
        : makePerson(random, company)
  if (contact.freeMail) tags.push('contact:free_mail')
  const website = company.domain && random.chance(0.75) ? cleanWebsite(random, company.domain) : null
  if (!website) tags.push('website:none')
  const { title, tag } = makeAceTitle(random, deal, deal.leadTitle, name)
  tags.push(tag)

  const stage = aceStage(random, deal)
  const status = duplicate
    ? random.weighted([
        ['Rejected', 60],
        ['Approved', 40],
      ])
    : deal.kind === 'aws_referral_no_counterpart' || stage === 'Launched' || stage === 'Closed Lost'
      ? random.weighted([
          ['Approved', 95],
          ['Action Required', 5],
        ])
      : random.weighted([
          ['Approved', 70],
          ['Submitted', 7],
          ['In review', 7],
          ['Action Required', 6],
          ['Draft', 5],
          ['Rejected', 5],
        ])
  const ownership = random.chance(0.01) ? null : deal.origin === 'aws' ? 'AWS Referral' : 'Partner Referral'
  if (!ownership) tags.push('ownership:null')
  const acceptance =
    deal.origin === 'aws'
      ? deal.inOdoo
        ? random.weighted<string | null>([
            ['Accepted', 95],
            [null, 5],
          ])
        : random.weighted<string | null>([
            ['Accepted', 45],
            ['Rejected', 25],
            [null, 30],
          ])
      : random.chance(0.1)
        ? 'Accepted'
        : null
  const account = awsAccount(random, deal, stage, context, tags)
  const closeDay = aceCloseDay(random, deal, tags)
  const budget = random.chance(0.03)
    ? null
    : random.chance(0.8)
      ? deal.monthlyBudget
      : niceAmount(deal.monthlyBudget * random.float(0.7, 1.3))
  const owner = context.ownerFor(deal.repName)
  const seller = context.awsSeller(company)
  const psm = context.psm()
  const lastModified = Math.min(
    Math.max(
      at + 3600,
      stage === 'Launched' || stage === 'Closed Lost'
        ? dayToSeconds(closeDay + random.int(0, 20))
        : dayToSeconds(anchorDay - random.int(1, 90)),
    ),
    dayToSeconds(anchorDay) - 7200,
  )
  // The sync application started 14 months ago: older opportunities arrived in its first bulk load.
  const syncStart = dayToSeconds(anchorDay - 420, 4 * 3600)
  const end = dayToSeconds(anchorDay) - 60
  const created = Math.min(Math.max(at + random.int(300, 7200), syncStart + random.int(0, 1800)), end - 3600)
  const written = Math.min(Math.max(created, lastModified + random.int(300, 3600)), end)
  const usState = company.country === 'US' && company.stateCode ? stateName(company.stateCode) : null

  return {
    id,
    tenant: context.tenant,
    create_ts: formatTimestampTz(created),
    sync_ts: formatTimestampTz(Math.max(written, end - random.int(600, 20_000))),
    write_ts: formatTimestampTz(written),
    name,
    partner_project_title: title,
    project_description_business_need: makeBusinessNeed(random, deal),
    customer_first_name: contact.first,
    customer_last_name: contact.last,
    customer_title: random.chance(0.6) ? contact.jobTitle : null,
    customer_email: contact.email,
    customer_phone: random.chance(0.5) ? contact.phone : null,
    customer_website: website,
    customer_street: random.chance(0.4) ? company.street : null,
    customer_city: random.chance(0.9) ? company.city : null,
    customer_state: usState ?? (company.country === 'CA' ? company.stateCode : null),
    customer_postal_code: random.chance(0.85) ? company.zip : null,
    customer_country: company.country,
    industry: random.chance(0.9) ? company.industry : 'Other',
    use_case: deal.workload.useCase,
    opportunity_type: random.weighted([
      ['Net New Business', 65],
      ['Expansion', 25],
      ['Flat Renewal', 10],
    ]),
    delivery_model: random.chance(0.8) ? deal.workload.deliveryModel : random.pick(DELIVERY_MODELS),
    primary_need_from_aws: random.pick(PRIMARY_NEEDS),
    stage_name: stage,
    status,
    aws_status: status === 'Approved' && random.chance(0.85) ? awsStatus(stage) : null,
    partner_acceptance_status: acceptance,
    opportunity_ownership: ownership,
    aws_account: account,
    project_budget: budget,
    currency_code: 'USD',
    close_date: formatDay(closeDay),
    next_step: random.chance(0.6) ? random.pick(NEXT_STEPS) : null,
    closed_lost_reason: stage === 'Closed Lost' ? random.pick(CLOSED_LOST_REASONS) : null,
    owner_id: owner.id,
    partner_crm_unique_identifier: crmIdentifier(random, deal, duplicate, context, tags),
    partner_sales_rep_name:
      deal.origin === 'partner' || random.chance(0.6) ? (deal.repName ?? owner.name) : null,
    partner_sales_rep_email: deal.origin === 'partner' || random.chance(0.6) ? owner.email : null,
    aws_sales_rep_name: seller?.name ?? null,
    aws_sales_rep_email: seller?.email ?? null,
    psm_name: psm?.name ?? null,
    psm_email: psm?.email ?? null,
    aws_create_date: formatTimestampTz(at),
    aws_last_modified_date: formatTimestampTz(lastModified),
  }
}
