// The choices a Cost Explorer query is made of (cost basis, invoice basis, granularity, grouping) and
// what each one means, in words the API repeats in every response so a figure is never ambiguous.

export const CURRENCY = 'USD'

export const COST_BASES = ['gross', 'net', 'net_of_discounts'] as const
export type CostBasis = (typeof COST_BASES)[number]

export const COST_BASIS_DESCRIPTIONS: Readonly<Record<CostBasis, string>> = {
  gross:
    'What AWS charged before credits, refunds and discounts: usage, RI and Savings Plan charges (covered usage and its negation both, so covered usage counts once through the plan fee), fees, tax and unrecognised charge types.',
  net: 'Gross plus AWS credits and refunds (both negative).',
  net_of_discounts:
    'Net minus the partner discounts AWS paid according to the discount statements: every SPP discount kind, and each distributor statement row’s total_discount (its own columns only where the total is missing). The SPP / distributor discount lines of the cost and usage report are in no basis: the statements report the same money in detail.',
}

export const INVOICE_BASES = ['invoice', 'bill'] as const
export type InvoiceBasis = (typeof INVOICE_BASES)[number]

export const INVOICE_BASIS_DESCRIPTIONS: Readonly<Record<InvoiceBasis, string>> = {
  invoice:
    'Posted final customer invoices (Odoo account.move), untaxed product lines, refunds negative. Issued per customer: not attributable to AWS accounts.',
  bill: 'Staging bills per AWS account and month (c_billing_bill), every state but cancelled; lines of deleted bills left out.',
}

export const GRANULARITIES = ['month', 'quarter', 'year'] as const
export type Granularity = (typeof GRANULARITIES)[number]

export const BILLING_GROUPS = ['account', 'customer', 'payer', 'service', 'product'] as const
export type BillingGroup = (typeof BILLING_GROUPS)[number]

export const BREAKDOWN_SORTS = ['cost', 'invoice', 'margin', 'margin_pct', 'name'] as const
export type BreakdownSort = (typeof BREAKDOWN_SORTS)[number]

/** Filters as the caller gave them (ids as strings); each list is absent or non-empty. */
export interface BillingFilters {
  /** Accounts by registry id (`ref`) or 12-digit AWS account number. */
  accounts?: readonly string[] | undefined
  /** Payer accounts (ref or number): the payer and every account it pays for. */
  payers?: readonly string[] | undefined
  /** Customer company ids. */
  customers?: readonly string[] | undefined
  /** AWS service names, any common spelling. */
  services?: readonly string[] | undefined
  /** Odoo product ids (invoice and bill lines). */
  products?: readonly string[] | undefined
}

/** What every Cost Explorer query shares. */
export interface BillingQueryInput {
  tenantId: string
  /** First and last month as given: `YYYY-MM`, `YYYY-Qn` or `YYYY`; defaults end at the latest data. */
  from?: string | undefined
  to?: string | undefined
  basis: CostBasis
  invoiceBasis: InvoiceBasis
  filters: BillingFilters
  /** Today, for the default range when the tenant has no billing data yet. */
  today?: Date
}
