// The SQL every Cost Explorer view starts from: the selection's cost and invoice rows with their month
// and group key (`u`), read from the rollups that fit the question. Views sum `u` to what they show; all
// money is summed in PostgreSQL as numeric, so totals are exact and reconcile with their parts.
import type { Sql } from '@revops/db'
import type postgres from 'postgres'
import type { Attribution } from './billing-attribution.ts'
import type { BillingGroup, CostBasis, InvoiceBasis } from './billing-options.ts'
import type { BillingSelection } from './resolve-billing-selection.ts'

export interface FactsSpec {
  tenantId: string
  /** First and last month, `YYYY-MM`. */
  from: string
  to: string
  basis: CostBasis
  invoiceBasis: InvoiceBasis
  selection: BillingSelection
  attribution: Attribution
  group: BillingGroup | null
}

type Fragment = postgres.PendingQuery<postgres.Row[]>

// Cost of a rollup row `r` in each basis: stored columns (see 000011_billing.sql).
const BASIS_SQL: Readonly<Record<CostBasis, string>> = {
  gross: 'r.gross',
  net: 'r.net',
  net_of_discounts: 'r.net_of_discounts',
}

const PAYER_OF_A = 'case when a.is_payer then a.account_ref else a.payer_ref end'

/** Group keys are text and never null ('' = none), so they can be joined and compared plainly. */
const COST_KEYS: Readonly<Record<BillingGroup, string>> = {
  account: `coalesce(r.account_ref::text, '')`,
  customer: `coalesce(a.company_id::text, '')`,
  payer: `coalesce((${PAYER_OF_A})::text, '')`,
  service: `coalesce(r.service, '')`,
  product: `''`,
}

/** Revenue rows `r` are bills (with an account `a`) or final invoices (a partner `p` only). */
function revenueKey(group: BillingGroup | null, bills: boolean): string {
  if (group === null || group === 'service') return `''`
  if (group === 'product') return `coalesce(r.product_id::text, '')`
  if (group === 'customer')
    return bills
      ? `coalesce(coalesce(a.company_id, p.company_id, r.partner_id)::text, '')`
      : `coalesce(coalesce(p.company_id, r.partner_id)::text, '')`
  return group === 'account' ? `coalesce(r.account_ref::text, '')` : `coalesce((${PAYER_OF_A})::text, '')`
}

/** Cost measures carried for every view, and the extra ones the summary takes apart. */
const MEASURES = ['gross', 'credit', 'refund', 'partner_discount']
const DETAIL_MEASURES = [
  'usage',
  'ri_fee',
  'savings_plan',
  'fee',
  'tax',
  'other',
  'spp_discount',
  'distributor_discount',
  'cur_discount',
  'net',
  'net_of_discounts',
]

function measuresOf(detail: boolean): string[] {
  return detail ? [...MEASURES, ...DETAIL_MEASURES] : MEASURES
}

/** Cost per customer x month, for views grouped by customer over every account (no account detail). */
const CUSTOMER_TABLE = 'core.billing_customer_monthly'

/** The rollup table that answers the cost side: the smallest one that has the needed keys. */
export function costTable(spec: FactsSpec): string {
  const byService = spec.selection.services !== null || spec.group === 'service'
  if (!byService && spec.group === 'customer' && spec.selection.accountRefs === null) return CUSTOMER_TABLE
  if (!byService) return 'core.billing_account_monthly'
  const perAccount =
    spec.selection.accountRefs !== null ||
    spec.group === 'account' ||
    spec.group === 'customer' ||
    spec.group === 'payer'
  return perAccount ? 'core.billing_service_monthly' : 'core.billing_service_totals'
}

/**
 * The CTE `u`: the selection's rollup rows, not aggregated, cost rows and invoice (or bill) rows
 * together: month (date), gkey, label (products), the cost measures (`detail`: every category), `cost`
 * in the basis, `late` (written after the month was invoiced) and `invoice`. Views aggregate it straight
 * to the level they show, so no step ever holds more groups than the answer has.
 */
export function factRows(sql: Sql, spec: FactsSpec, detail = false): Fragment {
  const parts: Fragment[] = []
  if (spec.attribution.cost !== 'unavailable') parts.push(costRows(sql, spec, detail))
  if (spec.attribution.invoice !== 'unavailable') parts.push(revenueRows(sql, spec, detail))
  if (parts.length === 0) {
    const nulls = measuresOf(detail)
      .map((m) => `null::numeric as ${m}`)
      .join(', ')
    parts.push(sql`select null::date as month, ''::text as gkey, null::text as label, ${sql.unsafe(nulls)},
      null::numeric as cost, false as late, null::numeric as invoice where false`)
  }
  const union = parts.reduce((all, part) => sql`${all} union all ${part}`)
  return sql`u as not materialized (${union})`
}

function costRows(sql: Sql, spec: FactsSpec, detail: boolean): Fragment {
  const table = costTable(spec)
  const perCustomer = table === CUSTOMER_TABLE
  const key = perCustomer ? `coalesce(r.company_id::text, '')` : spec.group ? COST_KEYS[spec.group] : `''`
  const joinAccounts = !perCustomer && (spec.group === 'customer' || spec.group === 'payer')
  const { accountRefs, services } = spec.selection
  const measures = measuresOf(detail)
    .map((m) => `r.${m}`)
    .join(', ')
  return sql`
    select r.month, ${sql.unsafe(key)} as gkey, null::text as label, ${sql.unsafe(measures)},
      ${sql.unsafe(BASIS_SQL[spec.basis])} as cost, r.late, null::numeric as invoice
    from ${sql.unsafe(table)} r
    ${joinAccounts ? sql`left join core.aws_accounts a on a.tenant_id = r.tenant_id and a.account_ref = r.account_ref` : sql``}
    where r.tenant_id = ${spec.tenantId} and r.month between ${`${spec.from}-01`}::date and ${`${spec.to}-01`}::date
      ${accountRefs ? sql`and r.account_ref = any(${accountRefs}::bigint[])` : sql``}
      ${services ? sql`and r.service = any(${services}::text[])` : sql``}`
}

function revenueRows(sql: Sql, spec: FactsSpec, detail: boolean): Fragment {
  const bills = spec.invoiceBasis === 'bill'
  const { accountRefs, customerIds, productIds } = spec.selection
  const customerFilter = !bills && customerIds !== null
  const joinAccounts = bills && (spec.group === 'customer' || spec.group === 'payer')
  const joinPartners = spec.group === 'customer' || customerFilter
  const nulls = measuresOf(detail)
    .map((m) => `null::numeric as ${m}`)
    .join(', ')
  // Without products in the question, the rollup without them (about half the rows).
  const byProduct = spec.group === 'product' || productIds !== null
  const table = byProduct ? 'core.billing_revenue_monthly' : 'core.billing_revenue_totals'
  return sql`
    select r.month, ${sql.unsafe(revenueKey(spec.group, bills))} as gkey,
      ${spec.group === 'product' ? sql`r.product_name` : sql`null::text`} as label, ${sql.unsafe(nulls)},
      null::numeric as cost, false as late, r.amount as invoice
    from ${sql.unsafe(table)} r
    ${joinAccounts ? sql`left join core.aws_accounts a on a.tenant_id = r.tenant_id and a.account_ref = r.account_ref` : sql``}
    ${joinPartners ? sql`left join core.partners p on p.tenant_id = r.tenant_id and p.partner_id = r.partner_id` : sql``}
    where r.tenant_id = ${spec.tenantId} and r.basis = ${spec.invoiceBasis}
      and r.month between ${`${spec.from}-01`}::date and ${`${spec.to}-01`}::date
      ${bills && accountRefs ? sql`and r.account_ref = any(${accountRefs}::bigint[])` : sql``}
      ${customerFilter ? sql`and coalesce(p.company_id, r.partner_id) = any(${customerIds}::bigint[])` : sql``}
      ${productIds ? sql`and r.product_id = any(${productIds}::bigint[])` : sql``}`
}

/** Sums of `u` rows (use with `from u … group by`); `detail` as given to factRows. */
export function sumsSelect(detail = false): string {
  return [
    ...measuresOf(detail).map((m) => `sum(${m}) as ${m}`),
    'sum(cost) as cost',
    'sum(cost) filter (where late) as restated_cost',
    'sum(invoice) as invoice',
  ].join(', ')
}

/** Sums of rows that are themselves sums (columns of sumsSelect). */
export function resumSelect(): string {
  return [...MEASURES, 'cost', 'restated_cost', 'invoice'].map((m) => `sum(${m}) as ${m}`).join(', ')
}

/** `u` rows that restate their month: written after invoicing and moving the basis. */
export const RESTATED_ROW = 'late and cost <> 0'

/** The figures of a row of sums with a `restated_months` column, as text for exact decimals. */
export function figuresSelect(attribution: Attribution, alias = ''): string {
  const c = (name: string) => `${alias}${name}`
  const hasCost = attribution.cost !== 'unavailable'
  const hasInvoice = attribution.invoice !== 'unavailable'
  const cost = `coalesce(${c('cost')}, 0)`
  const invoice = `coalesce(${c('invoice')}, 0)`
  const both = hasCost && hasInvoice
  return [
    hasCost ? `${cost}::text as cost` : 'null::text as cost',
    hasInvoice ? `${invoice}::text as invoice` : 'null::text as invoice',
    both ? `(${invoice} - ${cost})::text as margin` : 'null::text as margin',
    both
      ? `case when ${invoice} > 0 then round((${invoice} - ${cost}) * 100 / ${invoice}, 2) end as margin_pct`
      : 'null::numeric as margin_pct',
    both ? `(${invoice} - ${cost}) < 0 as negative` : 'false as negative',
    hasCost ? `coalesce(${c('restated_cost')}, 0)::text as restated_cost` : 'null::text as restated_cost',
    `coalesce(${c('restated_months')}, 0) as restated_months`,
    `coalesce(${c('gross')}, 0)::text as gross`,
    `coalesce(${c('credit')}, 0)::text as credits`,
    `coalesce(${c('refund')}, 0)::text as refunds`,
    `coalesce(${c('partner_discount')}, 0)::text as partner_discounts`,
  ].join(', ')
}

/** The summary's detail measures as text, named `c_<measure>`. */
export function componentsSelect(): string {
  return DETAIL_MEASURES.map((m) => `coalesce(${m}, 0)::text as c_${m}`).join(', ')
}
