// One mapping between the APN database's opportunity columns (the older S3 integration's field names)
// and the Selling API's record, after AWS's published field mapping. CORE reads API records through
// `apnFieldsFromRecord`, so an ACE opportunity in CORE is the same whichever source fed it; the local
// fake is seeded the other way (`recordFromApnRow`). Where the API has no field, the comment says what
// stands in for it.
import { Industry, OpportunityOrigin } from '@aws-sdk/client-partnercentral-selling'
import type { Catalog, PartnerCentralRecord } from './opportunity-record.ts'

/** APN column values as text (the shape RAW documents are read in). */
export type ApnFields = Record<string, string | null>

/** Team titles this product writes and reads (the API's partner team titles are free text). */
export const OWNER_TITLE = 'Opportunity Owner'
export const SALES_REP_TITLE = 'Partner Sales Rep'

const INDUSTRIES = new Set<string>(Object.values(Industry))
const ORIGINS = new Set<string>(Object.values(OpportunityOrigin))
/** The APN mirror says `Draft` where the API says `Pending Submission`. */
const DRAFT = 'Draft'
const PENDING_SUBMISSION = 'Pending Submission'

/** A stored record: dates are ISO strings once they have been through JSON. */
type Stored = PartnerCentralRecord | StoredJson
type StoredJson = { opportunity: Record<string, unknown>; awsSummary: Record<string, unknown> | null }

interface Person {
  FirstName?: string | undefined
  LastName?: string | undefined
  Email?: string | undefined
  BusinessTitle?: string | undefined
  Phone?: string | undefined
}

/** The APN columns an API record stands for (the `_pk` is the opportunity id). */
export function apnFieldsFromRecord(stored: Stored): ApnFields {
  const opportunity = stored.opportunity as PartnerCentralRecord['opportunity']
  const summary = stored.awsSummary as PartnerCentralRecord['awsSummary']
  const account = opportunity.Customer?.Account
  const contact: Person = opportunity.Customer?.Contacts?.[0] ?? {}
  const project = opportunity.Project
  const life = opportunity.LifeCycle
  const team: Person[] = opportunity.OpportunityTeam ?? []
  const owner = team.find((m) => m.BusinessTitle === OWNER_TITLE) ?? team[0]
  const rep = team.find((m) => m.BusinessTitle === SALES_REP_TITLE)
  const awsTeam: Person[] = summary?.OpportunityTeam ?? []
  const seller = awsTeam.find((m) => m.BusinessTitle === 'AWSSalesRep')
  const psm = awsTeam.find((m) => m.BusinessTitle === 'PSM')
  const origin = summary?.Origin ?? null
  const industry =
    account?.Industry === 'Other' && account.OtherIndustry ? account.OtherIndustry : account?.Industry
  return {
    id: opportunity.Id ?? null,
    name: orNull(account?.CompanyName),
    partner_project_title: orNull(project?.Title),
    project_description_business_need: orNull(project?.CustomerBusinessProblem),
    customer_first_name: orNull(contact.FirstName),
    customer_last_name: orNull(contact.LastName),
    customer_title: orNull(contact.BusinessTitle),
    customer_email: orNull(contact.Email),
    customer_phone: orNull(contact.Phone),
    customer_website: orNull(account?.WebsiteUrl),
    customer_street: orNull(account?.Address?.StreetAddress),
    customer_city: orNull(account?.Address?.City),
    customer_state: orNull(account?.Address?.StateOrRegion),
    customer_postal_code: orNull(account?.Address?.PostalCode),
    customer_country: orNull(account?.Address?.CountryCode),
    industry: orNull(industry),
    use_case: orNull(project?.CustomerUseCase),
    opportunity_type: orNull(opportunity.OpportunityType),
    delivery_model: orNull(project?.DeliveryModels?.[0]),
    primary_need_from_aws: orNull(opportunity.PrimaryNeedsFromAws?.[0]),
    stage_name: orNull(life?.Stage),
    status: life?.ReviewStatus === PENDING_SUBMISSION ? DRAFT : orNull(life?.ReviewStatus),
    aws_status: orNull(summary?.LifeCycle?.Stage),
    // Not in the API: an AWS referral the partner can read is one it accepted (pending or rejected
    // invitations are not opportunities); a partner's own referral has no acceptance.
    partner_acceptance_status: origin === 'AWS Referral' ? 'Accepted' : null,
    opportunity_ownership: orNull(origin),
    aws_account: orNull(account?.AwsAccountId),
    project_budget: orNull(project?.ExpectedCustomerSpend?.[0]?.Amount),
    currency_code: orNull(project?.ExpectedCustomerSpend?.[0]?.CurrencyCode),
    close_date: orNull(life?.TargetCloseDate),
    next_step: orNull(life?.NextSteps),
    closed_lost_reason: orNull(life?.ClosedLostReason),
    owner_name: personName(owner),
    owner_email: orNull(owner?.Email),
    partner_crm_unique_identifier: orNull(opportunity.PartnerOpportunityIdentifier),
    partner_sales_rep_name: personName(rep),
    partner_sales_rep_email: orNull(rep?.Email),
    aws_sales_rep_name: personName(seller),
    aws_sales_rep_email: orNull(seller?.Email),
    psm_name: personName(psm),
    psm_email: orNull(psm?.Email),
    aws_create_date: isoText(opportunity.CreatedDate),
    aws_last_modified_date: isoText(opportunity.LastModifiedDate),
    // The mirror's own row times have no API counterpart: the record's own times stand in.
    create_ts: isoText(opportunity.CreatedDate),
    write_ts: isoText(opportunity.LastModifiedDate),
  }
}

/** The API record an APN row stands for (the owner from the APN `users` table). */
export function recordFromApnRow(
  row: ApnFields,
  owner: { name: string | null; email: string | null } | null,
  catalog: Catalog,
): PartnerCentralRecord {
  const id = required(row, 'id')
  const industry = row.industry
  const origin = row.opportunity_ownership
  const team = [
    owner && person(owner.name, owner.email, OWNER_TITLE),
    (row.partner_sales_rep_name || row.partner_sales_rep_email) &&
      person(row.partner_sales_rep_name, row.partner_sales_rep_email, SALES_REP_TITLE),
  ].filter((m): m is Person => Boolean(m))
  const awsTeam = [
    (row.aws_sales_rep_name || row.aws_sales_rep_email) &&
      person(row.aws_sales_rep_name, row.aws_sales_rep_email, 'AWSSalesRep'),
    (row.psm_name || row.psm_email) && person(row.psm_name, row.psm_email, 'PSM'),
  ].filter((m): m is Person => Boolean(m))
  const contact = clean({
    FirstName: row.customer_first_name,
    LastName: row.customer_last_name,
    Email: row.customer_email,
    BusinessTitle: row.customer_title,
    Phone: row.customer_phone,
  })
  const created = new Date(required(row, 'aws_create_date'))
  const modified = new Date(required(row, 'aws_last_modified_date'))
  const opportunity = clean({
    Catalog: catalog,
    Id: id,
    Arn: `arn:aws:partnercentral:us-east-1::catalog/${catalog}/opportunity/${id}`,
    PartnerOpportunityIdentifier: row.partner_crm_unique_identifier,
    OpportunityType: row.opportunity_type,
    PrimaryNeedsFromAws: row.primary_need_from_aws ? [row.primary_need_from_aws] : null,
    Customer: {
      Account: clean({
        CompanyName: row.name ?? '',
        WebsiteUrl: row.customer_website,
        AwsAccountId: row.aws_account,
        Industry: industry && !INDUSTRIES.has(industry) ? 'Other' : industry,
        OtherIndustry: industry && !INDUSTRIES.has(industry) ? industry : null,
        Address: clean({
          StreetAddress: row.customer_street,
          City: row.customer_city,
          StateOrRegion: row.customer_state,
          PostalCode: row.customer_postal_code,
          CountryCode: row.customer_country,
        }),
      }),
      Contacts: Object.keys(contact).length > 0 ? [contact] : null,
    },
    Project: clean({
      Title: row.partner_project_title,
      CustomerBusinessProblem: row.project_description_business_need,
      CustomerUseCase: row.use_case,
      DeliveryModels: row.delivery_model ? [row.delivery_model] : null,
      ExpectedCustomerSpend:
        row.project_budget === null
          ? null
          : [
              {
                Amount: row.project_budget,
                CurrencyCode: row.currency_code ?? 'USD',
                Frequency: 'Monthly',
                TargetCompany: 'AWS',
              },
            ],
    }),
    LifeCycle: clean({
      Stage: row.stage_name,
      ReviewStatus: row.status === DRAFT ? PENDING_SUBMISSION : row.status,
      TargetCloseDate: row.close_date,
      NextSteps: row.next_step,
      ClosedLostReason: row.closed_lost_reason,
    }),
    OpportunityTeam: team.length > 0 ? team : null,
    CreatedDate: created,
    LastModifiedDate: modified,
  }) as PartnerCentralRecord['opportunity']
  const awsSummary = clean({
    Catalog: catalog,
    RelatedOpportunityId: id,
    Origin: origin && ORIGINS.has(origin) ? origin : null,
    InvolvementType: 'Co-Sell',
    LifeCycle: row.aws_status ? { Stage: row.aws_status } : null,
    OpportunityTeam: awsTeam.length > 0 ? awsTeam : null,
  }) as PartnerCentralRecord['awsSummary']
  return { opportunity, awsSummary }
}

function person(name: string | null | undefined, email: string | null | undefined, title: string): Person {
  const [first, ...rest] = (name ?? '').trim().split(/\s+/)
  return clean({
    FirstName: first || null,
    LastName: rest.join(' ') || null,
    Email: email,
    BusinessTitle: title,
  })
}

function personName(member: Person | undefined): string | null {
  const name = [member?.FirstName, member?.LastName].filter(Boolean).join(' ')
  return name || null
}

function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value
}

function isoText(value: Date | string | undefined): string | null {
  if (value === undefined) return null
  return value instanceof Date ? value.toISOString() : value
}

function required(row: ApnFields, field: string): string {
  const value = row[field]
  if (!value) throw new Error(`APN opportunity ${row.id ?? '?'} has no ${field}`)
  return value
}

/** Drops null members, as the API omits absent fields. */
function clean<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as never
}
