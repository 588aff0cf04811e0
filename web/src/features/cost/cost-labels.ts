// Words of the Cost Explorer's choices (bases, granularities, groupings) and its chart colours, so the
// controls, tables, chart and notices name a basis the same way.
import type { BillingGroup, BreakdownSort, CostBasis, Granularity, InvoiceBasis } from './cost-state.ts'

export const COST_BASIS_LABELS: Record<CostBasis, string> = {
  gross: 'Gross',
  net: 'Net of credits',
  net_of_discounts: 'Net of partner discounts',
}

/** One line on what each basis holds (the API's own words come with every figure, see the context). */
export const COST_BASIS_HINTS: Record<CostBasis, string> = {
  gross: 'Before credits, refunds and discounts',
  net: 'Gross + AWS credits and refunds',
  net_of_discounts: 'Net − SPP and distributor discounts',
}

export const INVOICE_BASIS_LABELS: Record<InvoiceBasis, string> = {
  invoice: 'Final invoices',
  bill: 'Staging bills',
}

export const INVOICE_BASIS_HINTS: Record<InvoiceBasis, string> = {
  invoice: 'Posted customer invoices, per customer',
  bill: 'Bills per AWS account and month',
}

export const GRANULARITY_LABELS: Record<Granularity, string> = {
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
}

/** How a granularity's periods read in a heading: "per month". */
export const GRANULARITY_ADVERBS: Record<Granularity, string> = {
  month: 'per month',
  quarter: 'per quarter',
  year: 'per year',
}

export const GROUP_LABELS: Record<BillingGroup, string> = {
  customer: 'Customer',
  payer: 'Payer account',
  account: 'Account',
  service: 'AWS service',
  product: 'Product',
}

/** A group inside a sentence ("By AWS service"). */
export const GROUP_TITLES: Record<BillingGroup, string> = {
  customer: 'customer',
  payer: 'payer account',
  account: 'account',
  service: 'AWS service',
  product: 'product',
}

export const GROUP_PLURALS: Record<BillingGroup, string> = {
  customer: 'customers',
  payer: 'payer accounts',
  account: 'accounts',
  service: 'AWS services',
  product: 'products',
}

export const SORT_LABELS: Record<BreakdownSort, string> = {
  name: 'Name',
  cost: 'AWS cost',
  invoice: 'Invoiced',
  margin: 'Margin',
  margin_pct: 'Margin %',
}

/** Chart colours: AWS cost, invoiced, margin, restated periods. */
export const COST_COLORS = {
  cost: '#f59e0b',
  invoice: '#2563eb',
  margin: '#15803d',
  negative: '#b91c1c',
  restated: 'rgba(161, 92, 7, 0.12)',
  restatedLine: '#a15c07',
} as const
