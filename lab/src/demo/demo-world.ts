// The in-memory model the generators share: companies, people, deals and AWS accounts, before they are
// written out as Odoo and APN rows. Source-side ids are assigned when the rows are built.

export type OdooVersion = 14 | 16 | 17

export interface DemoSize {
  companies: number
  odooOpportunities: number
  aceOpportunities: number
  billingMonths: number
}

export interface Person {
  first: string
  last: string
  email: string | null
  phone: string | null
  jobTitle: string
  /** The email is on a free-mail domain, so it identifies nobody. */
  freeMail: boolean
}

export interface Company {
  /** Stable key used by the ground truth (`C0042`; prospects only in ACE are `P0007`). */
  key: string
  /** The name as entered in Odoo (legal suffix included when there is one). */
  name: string
  /** The name without legal suffix. */
  baseName: string
  suffix: string | null
  /** The company's real domain; null for small firms that only use free mail. */
  domain: string | null
  /** The website as typed in Odoo, raw (`https://www.acme.com/`, `www.Acme.io`, …). */
  websiteRaw: string | null
  country: string
  stateCode: string | null
  city: string
  zip: string
  street: string
  phonePrefix: string
  industry: string
  /** Exists in Odoo; ACE-only prospects do not. */
  inOdoo: boolean
  /** An acronym ACE users type instead of the full name. */
  acronym: string | null
  /** The name before a rename: old records in one system still carry it. */
  formerName: string | null
  parentKey: string | null
  twinKey: string | null
  /** When set, Odoo holds the company twice; this is the second record's name. */
  duplicateName: string | null
  /** EU-style VAT id; null in North America. */
  vat: string | null
  contacts: Person[]
  /** Relative share of deals. */
  activity: number
  /** Median monthly AWS spend across all its accounts, USD. */
  monthlySpend: number
  /** Created in Odoo this many days before the anchor. */
  ageDays: number
}

export type DealOrigin = 'partner' | 'aws'
export type DealOutcome = 'won' | 'lost' | 'open'

/** How an ACE opportunity relates to Odoo: the `kind` column of the ground truth. */
export type TruthKind =
  | 'registered'
  | 'aws_referral_matched'
  | 'duplicate_lead'
  | 'duplicate_registration'
  | 'aws_referral_no_counterpart'
  | 'ace_only_partner'

export interface Workload {
  key: string
  phrases: readonly string[]
  useCase: string
  deliveryModel: string
}

export interface Deal {
  key: string
  company: Company
  contact: Person | null
  workload: Workload
  /** Free qualifier added to titles (`Phase 2`, `2026`, `PoC`), or null. */
  qualifier: string | null
  origin: DealOrigin
  outcome: DealOutcome
  /** Expected monthly AWS spend, USD (ACE project_budget). */
  monthlyBudget: number
  createdDay: number
  closeDay: number
  /** Present in Odoo as a crm_lead; false for ACE-only deals. */
  inOdoo: boolean
  /** Present in ACE; false for Odoo-only deals. */
  inAce: boolean
  kind: TruthKind | 'odoo_only' | 'placeholder'
  /** Odoo holds this deal twice (a second crm_lead). */
  duplicateLead: boolean
  /** ACE holds this deal twice (a second registration). */
  duplicateRegistration: boolean
  /** Set when the lead is built. */
  leadId: number | null
  duplicateLeadId: number | null
  /** The Odoo lead's title, set when the lead is built (ACE derives its own from it). */
  leadTitle: string | null
  /** The partner sales rep name on the lead. */
  repName: string | null
  /** What the builders did to this deal's records (`name:typo`, `crm_id:stale`); the ground truth note. */
  tags: string[]
}

export interface AwsAccount {
  /** c_aws_accounts.id */
  id: number
  /** The true 12-digit account id. */
  number: string
  /** c_aws_accounts.name as stored (sometimes malformed). */
  storedName: string
  /** Null for the partner's own payer accounts. */
  company: Company | null
  isPayer: boolean
  payerId: number | null
  isDistribution: boolean
  notBillable: boolean
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED'
  joinDay: number
  /** Day the account was closed; billing stops there. */
  closedDay: number | null
  /** Median monthly spend; 0 means no billing at all. */
  monthlySpend: number
}
