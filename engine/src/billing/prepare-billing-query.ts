// Everything a Cost Explorer view settles before it sums: the month range, the resolved selection,
// what each side can be attributed to, and the context every response carries (bases in words,
// filters as understood, notes, how fresh the rollups are), so a figure always says what it is.
import type { Sql } from '@revops/db'
import { type Attribution, decideAttribution } from './billing-attribution.ts'
import type { FactsSpec } from './billing-facts.ts'
import {
  type BillingGroup,
  type BillingQueryInput,
  COST_BASIS_DESCRIPTIONS,
  type CostBasis,
  CURRENCY,
  INVOICE_BASIS_DESCRIPTIONS,
  type InvoiceBasis,
} from './billing-options.ts'
import { monthOf, resolveRange } from './billing-periods.ts'
import { resolveBillingSelection } from './resolve-billing-selection.ts'

export interface BillingContext {
  currency: string
  period: { from: string; to: string }
  basis: CostBasis
  basis_description: string
  invoice_basis: InvoiceBasis
  invoice_basis_description: string
  attribution: { cost: Attribution['cost']; invoice: Attribution['invoice'] }
  /** The filters as applied (canonical service names, account refs as given). */
  filters: {
    accounts: string[]
    payers: string[]
    customers: string[]
    services: string[]
    products: string[]
  }
  notes: string[]
  /**
   * The last month with customer charges in the invoice basis (`YYYY-MM`; null: none). Later months
   * have AWS cost but nothing invoiced yet, so their margin says nothing; the default range ends here.
   */
  invoiced_through: string | null
  freshness: {
    /** When the rollups were last rebuilt; null: never (no figures yet). */
    refreshed_at: string | null
    /** Months whose CORE rows changed since (their figures are not yet current), `YYYY-MM`. */
    pending_months: string[]
  }
}

export interface PreparedQuery {
  spec: FactsSpec
  context: BillingContext
}

/** Resolves a query for a view grouped by `group` (null: not grouped). */
export async function prepareBillingQuery(
  sql: Sql,
  input: BillingQueryInput,
  group: BillingGroup | null,
): Promise<PreparedQuery> {
  const { tenantId, filters } = input
  const [state] = await sql<
    { latest: string | null; invoiced: string | null; refreshed_at: string | null; pending: string[] }[]
  >`
    select
      (select to_char(max(month), 'YYYY-MM') from core.billing_account_monthly where tenant_id = ${tenantId}) as latest,
      (select to_char(max(month), 'YYYY-MM') from core.billing_revenue_monthly
        where tenant_id = ${tenantId} and basis = ${input.invoiceBasis}) as invoiced,
      (select to_char(refreshed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from core.billing_rollup_state
        where tenant_id = ${tenantId}) as refreshed_at,
      array(select to_char(month, 'YYYY-MM') from core.billing_rollup_pending
        where tenant_id = ${tenantId} order by month) as pending`
  // By default the last 12 months that were both charged by AWS and invoiced: a month AWS has billed but
  // the partner has not invoiced yet would show its whole cost as negative margin.
  const latest = state?.latest ?? null
  const invoicedThrough = state?.invoiced ?? null
  const defaultTo =
    latest !== null && invoicedThrough !== null && invoicedThrough < latest
      ? invoicedThrough
      : (latest ?? monthOf(input.today ?? new Date()))
  const range = resolveRange(input.from, input.to, defaultTo)
  const selection = await resolveBillingSelection(sql, tenantId, filters)
  const attribution = decideAttribution({
    invoiceBasis: input.invoiceBasis,
    accountSelection: selection.accountSelection,
    services: selection.services !== null,
    products: selection.productIds !== null,
    group,
    netOfDiscounts: input.basis === 'net_of_discounts',
  })
  const notes = [...attribution.notes]
  if (invoicedThrough !== null && range.to > invoicedThrough && attribution.invoice !== 'unavailable')
    notes.push(
      `Nothing is invoiced after ${invoicedThrough} yet: the cost of later months has no invoice to compare with, so their margin is not meaningful.`,
    )
  if (!state?.refreshed_at) notes.push('The billing rollups have not been built yet: every figure is zero.')
  else if ((state.pending ?? []).length > 0)
    notes.push('Some months changed after the rollups were last rebuilt: see freshness.pending_months.')
  return {
    spec: {
      tenantId,
      from: range.from,
      to: range.to,
      basis: input.basis,
      invoiceBasis: input.invoiceBasis,
      selection,
      attribution,
      group,
    },
    context: {
      currency: CURRENCY,
      period: range,
      basis: input.basis,
      basis_description: COST_BASIS_DESCRIPTIONS[input.basis],
      invoice_basis: input.invoiceBasis,
      invoice_basis_description: INVOICE_BASIS_DESCRIPTIONS[input.invoiceBasis],
      attribution: { cost: attribution.cost, invoice: attribution.invoice },
      filters: {
        accounts: [...(filters.accounts ?? [])],
        payers: [...(filters.payers ?? [])],
        customers: selection.customerIds ?? [],
        services: selection.services ?? [],
        products: selection.productIds ?? [],
      },
      notes,
      invoiced_through: invoicedThrough,
      freshness: { refreshed_at: state?.refreshed_at ?? null, pending_months: state?.pending ?? [] },
    },
  }
}
