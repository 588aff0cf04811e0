import { useTestDatabase } from '@revops/db/testing'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BillingQueryInput } from './billing-options.ts'
import { readBillingAccounts } from './read-billing-accounts.ts'
import { readBillingBreakdown } from './read-billing-breakdown.ts'
import { readBillingSummary } from './read-billing-summary.ts'
import { readBillingTimeseries } from './read-billing-timeseries.ts'
import { refreshBillingRollups } from './refresh-billing-rollups.ts'

const db = useTestDatabase()
let fixture: DemoFixture
const base: BillingQueryInput = {
  tenantId: 'demo',
  from: '2026-07',
  to: '2026-10',
  basis: 'net',
  invoiceBasis: 'invoice',
  filters: {},
}

/** Straight from the CORE tables, without the rollups. */
async function coreCost(where = db.sql``) {
  const [row] = await db.sql<{ gross: string; credits: string; refunds: string }[]>`
    select coalesce(sum(cost) filter (where charge_category not in ('credit', 'refund', 'discount')), 0)::text as gross,
      coalesce(sum(cost) filter (where charge_category = 'credit'), 0)::text as credits,
      coalesce(sum(cost) filter (where charge_category = 'refund'), 0)::text as refunds
    from core.billing_cost c where tenant_id = 'demo' ${where}`
  const [discounts] = await db.sql<{ total: string }[]>`
    select coalesce(sum(paid), 0)::text as total from (
      select case when program = 'spp' then sum(amount)
        else coalesce(sum(amount) filter (where discount_kind = 'total_discount'), sum(amount)) end as paid
      from core.billing_discounts where tenant_id = 'demo' group by program, raw_pk) d`
  return { ...row!, discounts: discounts!.total }
}

async function sum(expression: string): Promise<string> {
  const [row] = await db.sql.unsafe<{ v: string }[]>(`select (${expression})::text as v`)
  return row!.v
}

beforeAll(async () => {
  fixture = await createDemoFixture(db)
  await refreshBillingRollups(db.sql, 'demo')
}, 180_000)
afterAll(() => fixture.dispose())

describe('Cost Explorer figures on the demo tenant', () => {
  it('reconciles every basis with the CORE tables', async () => {
    const core = await coreCost()
    const net = await readBillingSummary(db.sql, base)
    expect(net.cost_breakdown).toMatchObject({
      gross: expect.any(String),
      credits: core.credits,
      refunds: core.refunds,
    })
    expect(await sum(`${net.cost_breakdown!.gross} - ${core.gross}`)).toBe('0.000000')
    expect(await sum(`${net.totals.cost} - (${core.gross} + ${core.credits} + ${core.refunds})`)).toBe(
      '0.000000',
    )
    const gross = await readBillingSummary(db.sql, { ...base, basis: 'gross' })
    const ofDiscounts = await readBillingSummary(db.sql, { ...base, basis: 'net_of_discounts' })
    // Switching basis moves exactly credits + refunds, then exactly the partner discounts.
    expect(await sum(`${net.totals.cost} - ${gross.totals.cost} = ${core.credits} + ${core.refunds}`)).toBe(
      'true',
    )
    expect(await sum(`${net.totals.cost} - ${ofDiscounts.totals.cost} = ${core.discounts}`)).toBe('true')
    expect(ofDiscounts.totals.components.partner_discounts).toBe(core.discounts)
    expect(gross.totals.invoice).toBe(net.totals.invoice)
    const [invoices] = await db.sql`
      select sum(amount)::text as posted from core.billing_invoice where tenant_id = 'demo' and basis = 'invoice' and document_state = 'posted'`
    expect(net.totals.invoice).toBe(invoices!.posted)
    const [bills] = await db.sql`
      select sum(amount)::text as total from core.billing_invoice where tenant_id = 'demo' and basis = 'bill'
        and document_ref is not null and document_state <> 'cancel'`
    expect((await readBillingSummary(db.sql, { ...base, invoiceBasis: 'bill' })).totals.invoice).toBe(
      bills!.total,
    )
    expect(net.context).toMatchObject({ currency: 'USD', basis: 'net', invoice_basis: 'invoice' })
  })

  it('computes margins and flags the negative ones', async () => {
    const breakdown = await readBillingBreakdown(db.sql, {
      ...base,
      invoiceBasis: 'bill',
      groupBy: 'account',
      order: 'asc',
      sort: 'margin',
      limit: 500,
    })
    expect(breakdown.groups.some((g) => g.negative)).toBe(true)
    for (const group of breakdown.groups) {
      expect(await sum(`${group.invoice} - ${group.cost}`)).toBe(await sum(`${group.margin}`))
      expect(group.negative).toBe(Number(group.margin) < 0)
      if (Number(group.invoice) > 0)
        expect(group.margin_pct).toBeCloseTo((Number(group.margin) / Number(group.invoice)) * 100, 1)
    }
    const margins = breakdown.groups.map((g) => Number(g.margin))
    expect(margins).toEqual([...margins].sort((a, b) => a - b))
  })

  it('detects months restated after they were invoiced', async () => {
    const [expected] = await db.sql<{ months: string[] }[]>`
      with bill_invoiced as (
        select b.account_ref, b.month, min(i.document_date) as invoiced_on
        from core.billing_invoice b join core.billing_invoice i on i.tenant_id = b.tenant_id and i.basis = 'invoice'
          and i.document_ref = b.invoice_ref and i.document_state = 'posted' and i.line_type = 'invoice'
        where b.tenant_id = 'demo' and b.basis = 'bill' and b.document_state <> 'cancel' group by 1, 2)
      select coalesce(array_agg(distinct to_char(c.month, 'YYYY-MM') order by to_char(c.month, 'YYYY-MM')), '{}') as months
      from core.billing_cost c join bill_invoiced bi on bi.account_ref = c.account_ref and bi.month = c.month
      where c.tenant_id = 'demo' and c.charge_category not in ('discount')
        and (c.source_created_at at time zone 'UTC')::date > bi.invoiced_on + 7`
    expect(expected!.months.length).toBeGreaterThan(0)
    const series = await readBillingTimeseries(db.sql, {
      ...base,
      granularity: 'month',
      splitBy: null,
      limit: 10,
    })
    expect(series.totals.filter((p) => p.restated).map((p) => p.period)).toEqual(expected!.months)
    const summary = await readBillingSummary(db.sql, base)
    expect(summary.totals.restated_months).toBe(expected!.months.length)
    expect(Number(summary.totals.restated_cost)).not.toBe(0)
  })

  it('sums groups, other and total consistently, and quarters from months', async () => {
    const byCustomer = await readBillingBreakdown(db.sql, {
      ...base,
      groupBy: 'customer',
      order: 'desc',
      limit: 5,
    })
    expect(byCustomer.groups).toHaveLength(5)
    const parts = [...byCustomer.groups.map((g) => g.cost), byCustomer.other!.cost].join(' + ')
    expect(await sum(`${parts} - ${byCustomer.total.cost}`)).toBe('0.000000')
    expect(byCustomer.total.groups).toBe(5 + byCustomer.other!.groups)
    const quarters = await readBillingTimeseries(db.sql, {
      ...base,
      granularity: 'quarter',
      splitBy: 'payer',
      limit: 2,
    })
    expect(quarters.totals.map((p) => [p.period, p.from, p.to])).toEqual([
      ['2026-Q3', '2026-07', '2026-09'],
      ['2026-Q4', '2026-10', '2026-10'],
    ])
    expect(quarters.series).toHaveLength(3)
    expect(quarters.series[2]).toMatchObject({ other: true, label: 'Other' })
    for (const [i, point] of quarters.totals.entries()) {
      const split = quarters.series.map((s) => s.points[i]!.cost).join(' + ')
      expect(await sum(`${split} - ${point.cost}`)).toBe('0.000000')
    }
  })

  it('splits by customer with the same totals and restated months as the unsplit series', async () => {
    const input = { ...base, granularity: 'month' as const, limit: 3 }
    const whole = await readBillingTimeseries(db.sql, { ...input, splitBy: null })
    const split = await readBillingTimeseries(db.sql, { ...input, splitBy: 'customer' })
    expect(split.totals).toEqual(whole.totals)
    expect(whole.totals.some((p) => p.restated)).toBe(true)
    expect(split.series).toHaveLength(4)
    for (const [i, point] of split.totals.entries()) {
      const parts = split.series.map((s) => s.points[i]!)
      expect(Number(await sum(`${parts.map((p) => p.invoice).join(' + ')} - ${point.invoice}`))).toBe(0)
      expect(Number(await sum(`${parts.map((p) => p.cost).join(' + ')} - ${point.cost}`))).toBe(0)
      expect(parts.some((p) => p.restated)).toBe(point.restated)
    }
  })

  it('filters by customer, account number, payer and service', async () => {
    const [customer] = await db.sql<{ company_id: string; refs: string[]; numbers: string[] }[]>`
      select company_id::text, array_agg(account_ref::text) as refs, array_agg(aws_account_id) as numbers
      from core.aws_accounts where tenant_id = 'demo' and not is_payer and aws_account_id is not null
      group by company_id having count(*) >= 2 order by company_id limit 1`
    const core = await coreCost(db.sql`and account_ref = any(${customer!.refs}::bigint[])`)
    const byCustomer = await readBillingSummary(db.sql, {
      ...base,
      basis: 'gross',
      filters: { customers: [customer!.company_id] },
    })
    expect(await sum(`${byCustomer.totals.cost} - ${core.gross}`)).toBe('0.000000')
    expect(byCustomer.context.attribution.invoice).toBe('customer')
    const byNumber = await readBillingSummary(db.sql, {
      ...base,
      basis: 'gross',
      filters: { accounts: customer!.numbers },
    })
    expect(byNumber.totals.cost).toBe(byCustomer.totals.cost)
    expect(byNumber.totals.invoice).toBeNull()
    expect(byNumber.context.notes.join(' ')).toMatch(/invoice_basis=bill/)

    const [payer] = await db.sql<{ ref: string }[]>`
      select payer_ref::text as ref from core.aws_accounts where tenant_id = 'demo' and payer_ref is not null
      group by payer_ref order by count(*) desc limit 1`
    const underPayer = await coreCost(
      db.sql`and account_ref in (select account_ref from core.aws_accounts where tenant_id = 'demo'
        and (account_ref = ${payer!.ref} or payer_ref = ${payer!.ref}))`,
    )
    const byPayer = await readBillingSummary(db.sql, {
      ...base,
      basis: 'gross',
      filters: { payers: [payer!.ref] },
    })
    expect(await sum(`${byPayer.totals.cost} - ${underPayer.gross}`)).toBe('0.000000')

    const ec2 = await coreCost(db.sql`and service = 'Amazon Elastic Compute Cloud'`)
    const byService = await readBillingSummary(db.sql, {
      ...base,
      basis: 'gross',
      filters: { services: ['AmazonEC2'] },
    })
    expect(byService.context.filters.services).toEqual(['Amazon Elastic Compute Cloud'])
    expect(await sum(`${byService.totals.cost} - ${ec2.gross}`)).toBe('0.000000')
    expect(byService.totals.invoice).toBeNull()
    await expect(readBillingSummary(db.sql, { ...base, filters: { accounts: ['999999'] } })).rejects.toThrow(
      /^query\.accounts: unknown account 999999/,
    )
  })

  it('drills down from an account to its services and their months', async () => {
    const top = await readBillingBreakdown(db.sql, {
      ...base,
      invoiceBasis: 'bill',
      groupBy: 'account',
      order: 'desc',
      limit: 1,
    })
    const account = top.groups[0]!
    const services = await readBillingBreakdown(db.sql, {
      ...base,
      invoiceBasis: 'bill',
      filters: { accounts: [account.key!] },
      groupBy: 'service',
      order: 'desc',
      limit: 100,
    })
    expect(services.total.cost).toBe(account.cost)
    const service = services.groups[0]!
    const months = await readBillingTimeseries(db.sql, {
      ...base,
      filters: { accounts: [account.key!], services: [service.key!] },
      granularity: 'month',
      splitBy: null,
      limit: 10,
    })
    expect(await sum(`${months.totals.map((p) => p.cost).join(' + ')} - ${service.cost}`)).toBe('0.000000')
  })

  it('lists customers, payers and accounts, searchable', async () => {
    const all = await readBillingAccounts(db.sql, { tenantId: 'demo', limit: 1000, offset: 0 })
    const refs = all.customers.flatMap((c) => c.payers.flatMap((p) => [...p.linked.map((a) => a.ref)]))
    const [counts] =
      await db.sql`select count(*) filter (where not is_payer)::int as linked from core.aws_accounts where tenant_id = 'demo'`
    expect(new Set(refs).size).toBe(refs.length)
    expect(refs.length).toBe(counts!.linked)
    expect(all.payers.every((p) => p.is_payer || p.linked_accounts > 0)).toBe(true)
    const someone = all.customers.find((c) => c.payers.some((p) => p.linked.some((a) => a.aws_account_id)))!
    const account = someone.payers.flatMap((p) => p.linked).find((a) => a.aws_account_id)!
    const found = await readBillingAccounts(db.sql, {
      tenantId: 'demo',
      q: account.aws_account_id!,
      limit: 10,
      offset: 0,
    })
    expect(found.customers.map((c) => c.id)).toEqual([someone.id])
    expect(found.customers[0]!.payers.flatMap((p) => p.linked).map((a) => a.ref)).toContain(account.ref)
  })
})
