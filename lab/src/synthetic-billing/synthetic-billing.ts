// Synthetic CORE billing data at scale (the benchmark's 2 years x 2,500 accounts), written straight into
// core.* with generate_series: customers, payer and linked accounts, CUR roll-up rows, staging bills,
// final invoices and discount statements, with credits, refunds and late restatements. Deterministic:
// every value is derived from hashes of the row's coordinates.
import type { Sql, TransactionSql } from '@revops/db'

export interface SyntheticBillingOptions {
  tenantId: string
  accounts: number
  months: number
  /** First billing month, `YYYY-MM-01`. */
  firstMonth: string
  /** Linked accounts per customer, on average. */
  accountsPerCustomer?: number
  /** Linked accounts per payer account. */
  accountsPerPayer?: number
}

const SERVICES = [
  'Amazon Elastic Compute Cloud',
  'Amazon Simple Storage Service',
  'Amazon Relational Database Service',
  'AWS Lambda',
  'Amazon CloudFront',
  'Amazon DynamoDB',
  'Amazon Virtual Private Cloud',
  'Amazon CloudWatch',
  'Amazon Elastic Kubernetes Service',
  'Elastic Load Balancing',
  'AWS Key Management Service',
  'Amazon Route 53',
]

/** A deterministic pseudo-random number in [0, 1) from a SQL expression (same data every run). */
const r = (expr: string) => `((hashint8(${expr}) & 65535) / 65536.0)`

/** Writes the tenant's synthetic billing world; the tenant row must exist and its CORE tables be empty. */
export async function writeSyntheticBilling(sql: Sql, options: SyntheticBillingOptions): Promise<void> {
  const { tenantId, accounts, months, firstMonth } = options
  const payers = Math.max(1, Math.round(accounts / (options.accountsPerPayer ?? 100)))
  const customers = Math.max(1, Math.round((accounts - payers) / (options.accountsPerCustomer ?? 2.5)))
  await sql`
    insert into core.companies (tenant_id, company_id, name, name_normalized, is_company, raw_source, raw_table, raw_pk)
    select ${tenantId}, c, case when c = 1 then 'Partner (own payers)' else 'Customer ' || c end,
      'customer ' || c, true, 'odoo', 'res_partner', c::text
    from generate_series(1, ${customers + 1}) c`
  await sql`
    insert into core.partners (tenant_id, partner_id, company_id, is_company, name, raw_pk)
    select tenant_id, company_id, company_id, true, name, raw_pk from core.companies where tenant_id = ${tenantId}`
  await sql`
    insert into core.aws_accounts (tenant_id, account_ref, aws_account_id_raw, aws_account_id, aws_account_id_status,
      account_name, company_id, is_payer, payer_ref, account_status, raw_pk)
    select ${tenantId}, a, lpad((100000000000 + a * 7919)::text, 12, '0'), lpad((100000000000 + a * 7919)::text, 12, '0'),
      'valid', case when a <= ${payers} then 'Payer ' || a else 'account-' || a end,
      case when a <= ${payers} then 1 else 2 + (a * 7919) % ${customers} end,
      a <= ${payers}, case when a <= ${payers} then null else 1 + a % ${payers} end,
      case when ${sql.unsafe(r('a * 31'))} < 0.03 then 'CLOSED' else 'ACTIVE' end, a::text
    from generate_series(1, ${accounts}) a`
  // Spend per account-month: a base per account, a trend, noise; split over 3 to 12 services.
  await sql.begin(async (tx) => {
    await tx.unsafe(`
      create temporary table synthetic_spend on commit drop as
      select a, m, (date '${firstMonth}' + make_interval(months => m))::date as month,
        round((20 + 8000 * power(${r('a')}, 3)) * (1 + 0.015 * m) * (0.9 + 0.2 * ${r('a * 1000 + m')}), 6) as spend,
        3 + (hashint8(a * 17) & 65535) % 10 as services
      from generate_series(1, ${accounts}) a, generate_series(0, ${months - 1}) m`)
    await writeCost(tx, tenantId, payers)
    await writeBillsAndInvoices(tx, tenantId, payers, months)
    await writeDiscounts(tx, tenantId, payers)
  })
}

async function writeCost(tx: TransactionSql, tenantId: string, payers: number): Promise<void> {
  const services = `(array[${SERVICES.map((s) => `'${s}'`).join(', ')}])`
  // Charges per account-month: usage per service, plus tax, credits, refunds, Savings Plan pairs, the
  // program discount line and, for 1 % of months, a late restatement written months later.
  await tx.unsafe(`
    insert into core.billing_cost (tenant_id, cost_ref, account_ref, payer_ref, service_raw, service, charge_type,
      charge_category, month, cost, source_created_at, source_updated_at, raw_pk)
    select '${tenantId}', (s.a::bigint * 10000 + s.m) * 64 + x.slot, s.a,
      case when s.a <= ${payers} then s.a else 1 + s.a % ${payers} end,
      x.service, x.service, x.charge_type, x.category, s.month, round(x.cost, 6),
      s.month + interval '1 month 3 days' + x.delay,
      s.month + interval '1 month 3 days' + x.delay
        + case when ${r('s.a * 7 + s.m * 13 + x.slot')} < 0.02 then interval '75 days' else interval '0' end,
      ((s.a::bigint * 10000 + s.m) * 64 + x.slot)::text
    from synthetic_spend s
    cross join lateral (
      select k as slot, ${services}[1 + (s.a + k) % ${SERVICES.length}] as service, 'Usage' as charge_type,
        'usage' as category, s.spend * (1.0 / s.services) * (0.5 + ${r('s.a * 100 + k')}) as cost,
        interval '0' as delay
      from generate_series(0, s.services - 1) k
      union all
      select 20, ${services}[1 + s.a % ${SERVICES.length}], 'Tax', 'tax', s.spend * 0.07, interval '0'
      where ${r('s.a * 3')} < 0.3
      union all
      select 21, ${services}[1 + s.a % ${SERVICES.length}], 'Credit', 'credit', -s.spend * 0.25, interval '0'
      where ${r('s.a * 5 + s.m')} < 0.05
      union all
      select 22, ${services}[1 + (s.a + 1) % ${SERVICES.length}], 'Refund', 'refund', -s.spend * 0.1, interval '0'
      where ${r('s.a * 11 + s.m')} < 0.01
      union all
      select 23 + j, ${services}[1], case j when 0 then 'SavingsPlanCoveredUsage' else 'SavingsPlanNegation' end,
        'savings_plan', case j when 0 then 1 else -1 end * s.spend * 0.3, interval '0'
      from generate_series(0, 1) j where ${r('s.a * 13')} < 0.2
      union all
      select 25, 'Savings Plans for AWS Compute usage', 'Fee', 'fee', s.spend * 0.3 * 0.72, interval '0'
      where ${r('s.a * 13')} < 0.2
      union all
      select 26, ${services}[1 + s.a % ${SERVICES.length}], 'Solution Provider Program Discount', 'discount',
        -s.spend * 0.05, interval '0'
      where s.a > ${payers}
      union all
      select 27, ${services}[1 + s.a % ${SERVICES.length}],
        case when ${r('s.a * 19 + s.m')} < 0.6 then 'Credit' else 'Usage' end,
        case when ${r('s.a * 19 + s.m')} < 0.6 then 'credit' else 'usage' end,
        case when ${r('s.a * 19 + s.m')} < 0.6 then -0.08 else 0.04 end * s.spend, interval '70 days'
      where ${r('s.a * 23 + s.m * 29')} < 0.01
    ) x`)
}

async function writeBillsAndInvoices(tx: TransactionSql, tenantId: string, payers: number, months: number) {
  // One staging bill per linked account-month (usage with the customer's markup, support, credits
  // passed on); one final invoice per customer-month carrying its bills' lines; the last month is not
  // invoiced yet; 2 % of invoices get a partial refund.
  await tx.unsafe(`
    create temporary table synthetic_bill_lines on commit drop as
    select s.a, s.m, s.month, a.company_id, l.kind, l.product_id, l.product_name, round(l.amount, 2) as amount,
      (s.a::bigint * 10000 + s.m) * 8 + l.kind as line_ref
    from synthetic_spend s
    join core.aws_accounts a on a.tenant_id = '${tenantId}' and a.account_ref = s.a
    cross join lateral (
      select 0 as kind, 1 as product_id, 'AWS Usage' as product_name,
        s.spend * (0.97 + 0.15 * ${r('a.company_id')}) as amount
      union all select 1, 2, 'AWS Support', greatest(100, s.spend * 0.08) where ${r('a.company_id * 3')} < 0.5
      union all select 2, 3, 'Managed Services', 1500 where ${r('a.company_id * 7')} < 0.15
      union all select 3, 5, 'Credit', -s.spend * 0.25 where ${r('s.a * 5 + s.m')} < 0.05
    ) l
    where s.a > ${payers}`)
  await tx.unsafe(`
    insert into core.billing_invoice (tenant_id, basis, line_ref, document_ref, document_state, invoice_ref,
      account_ref, payer_ref, company_id, product_id, product_name, line_type, month, amount, document_date,
      source_created_at, source_updated_at, raw_pk)
    select '${tenantId}', 'bill', line_ref, a::bigint * 10000 + m,
      case when m = ${months - 1} then 'draft' else 'invoiced' end,
      case when m = ${months - 1} then null else company_id * 10000 + m end,
      a, 1 + a % ${payers}, company_id, product_id, product_name,
      (array['usage', 'support', 'managed_service', 'credit'])[kind + 1], month, amount,
      (month + interval '1 month' - interval '1 day')::date,
      month + interval '1 month 5 days', month + interval '1 month 5 days', line_ref::text
    from synthetic_bill_lines`)
  await tx.unsafe(`
    insert into core.billing_invoice (tenant_id, basis, line_ref, document_ref, document_name, document_state,
      invoice_ref, company_id, product_id, product_name, line_type, month, amount, document_date,
      source_created_at, source_updated_at, raw_pk)
    select '${tenantId}', 'invoice', line_ref, company_id * 10000 + m, 'INV/' || company_id || '/' || m,
      case when m = ${months - 1} then 'draft' else 'posted' end, company_id * 10000 + m, company_id,
      product_id, product_name, 'invoice', month, amount, (month + interval '1 month 8 days')::date,
      month + interval '1 month 8 days', month + interval '1 month 8 days', line_ref::text
    from synthetic_bill_lines
    union all
    select '${tenantId}', 'invoice', line_ref + 7, company_id * 10000 + m + 5000, 'RINV/' || company_id || '/' || m,
      'posted', company_id * 10000 + m + 5000, company_id, product_id, product_name, 'refund', month,
      -round(amount * 0.2, 2), (month + interval '2 months')::date, month + interval '2 months',
      month + interval '2 months', (line_ref + 7)::text
    from synthetic_bill_lines
    where kind = 0 and m < ${months - 1} and ${r('company_id * 31 + m')} < 0.02`)
}

async function writeDiscounts(tx: TransactionSql, tenantId: string, payers: number): Promise<void> {
  // 70 % of linked accounts earn SPP discounts (two kinds), the others distributor discounts (wide rows
  // unpivoted: parts plus a total that differs from their sum).
  await tx.unsafe(`
    insert into core.billing_discounts (tenant_id, program, discount_ref, account_ref, payer_ref, month,
      discount_kind, eligible_revenue, amount, raw_pk)
    select '${tenantId}', 'spp', ((s.a::bigint * 10000 + s.m) * 4 + k)::text, s.a, 1 + s.a % ${payers}, s.month,
      (array['Base or Base Tech Discount', 'POD'])[k + 1], round(s.spend, 2),
      round(s.spend * (array[0.06, 0.03])[k + 1], 2), ((s.a::bigint * 10000 + s.m) * 4 + k)::text
    from synthetic_spend s, generate_series(0, 1) k
    where s.a > ${payers} and ${r('s.a * 41')} < 0.7 and (k = 0 or ${r('s.a * 43')} < 0.3)`)
  await tx.unsafe(`
    insert into core.billing_discounts (tenant_id, program, discount_ref, account_ref, payer_ref, month,
      discount_kind, eligible_revenue, amount, raw_pk)
    select '${tenantId}', 'distributor', (s.a::bigint * 10000 + s.m)::text || ':' || k.kind, s.a,
      1 + s.a % ${payers}, s.month, k.kind, round(s.spend, 2), round(s.spend * k.rate, 2),
      (s.a::bigint * 10000 + s.m)::text
    from synthetic_spend s
    cross join (values ('base', 0.04), ('partner_originated', 0.03), ('no_eur', -0.01),
      ('total_discount', 0.061)) k(kind, rate)
    where s.a > ${payers} and ${r('s.a * 41')} >= 0.7`)
}
