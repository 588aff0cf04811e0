import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { refreshBillingRollups } from './refresh-billing-rollups.ts'

const db = useTestDatabase()

async function addCost(
  ref: number,
  account: number | null,
  month: string,
  category: string,
  cost: string,
  written = `${month.slice(0, 7)}-28`,
  service = 'AWS Lambda',
  updated = written,
) {
  await db.sql`
    insert into core.billing_cost (tenant_id, cost_ref, account_ref, service, charge_type, charge_category, month, cost,
      source_created_at, source_updated_at, raw_pk)
    values ('acme', ${ref}, ${account}, ${service}, ${category}, ${category}, ${month}, ${cost}, ${written}, ${updated}, ${String(ref)})`
}

async function pending(): Promise<string[]> {
  const rows = await db.sql<{ month: string }[]>`
    select month from core.billing_rollup_pending where tenant_id = 'acme' order by month`
  return rows.map((row) => row.month)
}

async function accountMonth(account: number, month: string) {
  const rows = await db.sql<Record<string, string | boolean>[]>`
    select late, gross::text, credit::text, refund::text, spp_discount::text, distributor_discount::text,
      cur_discount::text, invoiced_on
    from core.billing_account_monthly where tenant_id = 'acme' and account_ref = ${account} and month = ${month}
    order by late`
  return rows
}

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  await db.sql`
    insert into core.aws_accounts (tenant_id, account_ref, aws_account_id, aws_account_id_status, company_id, raw_pk)
    values ('acme', 1, '111111111111', 'valid', 10, '1'), ('acme', 2, '222222222222', 'valid', 20, '2')`
  await db.sql`insert into core.partners (tenant_id, partner_id, company_id, is_company, raw_pk)
    values ('acme', 10, 10, true, '10'), ('acme', 11, 10, false, '11'), ('acme', 20, 20, true, '20')`
})

describe('refreshBillingRollups', () => {
  it('sums cost by category, keeps discounts apart and rebuilds only the months that changed', async () => {
    await addCost(1, 1, '2026-01-01', 'usage', '100.123456')
    await addCost(2, 1, '2026-01-01', 'tax', '7.5')
    await addCost(3, 1, '2026-01-01', 'credit', '-20')
    await addCost(4, 1, '2026-01-01', 'refund', '-5.25')
    await addCost(5, 1, '2026-01-01', 'discount', '-6')
    await addCost(6, 2, '2026-02-01', 'usage', '50')
    // SPP: one row per kind, summed; distributor: total_discount, not its parts.
    await db.sql`
      insert into core.billing_discounts (tenant_id, program, discount_ref, account_ref, month, discount_kind, amount, raw_pk)
      values ('acme', 'spp', 's1', 1, '2026-01-01', 'Base', '3', 's1'),
             ('acme', 'spp', 's2', 1, '2026-01-01', 'POD', '1.5', 's2'),
             ('acme', 'distributor', 'd1:base', 2, '2026-02-01', 'base', '2', 'd1'),
             ('acme', 'distributor', 'd1:no_eur', 2, '2026-02-01', 'no_eur', '-1', 'd1'),
             ('acme', 'distributor', 'd1:total_discount', 2, '2026-02-01', 'total_discount', '1.2', 'd1'),
             ('acme', 'distributor', 'd2:base', 2, '2026-02-01', 'base', '0.7', 'd2')`
    expect(await pending()).toEqual(['2026-01-01', '2026-02-01'])
    const first = await refreshBillingRollups(db.sql, 'acme')
    expect(first.months).toEqual(['2026-01-01', '2026-02-01'])
    expect(await pending()).toEqual([])
    expect(await accountMonth(1, '2026-01-01')).toEqual([
      {
        late: false,
        gross: '107.623456',
        credit: '-20',
        refund: '-5.25',
        spp_discount: '4.5',
        distributor_discount: '0',
        cur_discount: '-6',
        invoiced_on: null,
      },
    ])
    // d1 paid its total (1.2, not 2 − 1); d2 has no total, so its parts count.
    expect((await accountMonth(2, '2026-02-01'))[0]).toMatchObject({
      gross: '50',
      distributor_discount: '1.9',
    })

    await db.sql`update core.billing_cost set cost = 60 where tenant_id = 'acme' and cost_ref = 6`
    await db.sql`delete from core.billing_cost where tenant_id = 'acme' and cost_ref = 2`
    expect(await pending()).toEqual(['2026-01-01', '2026-02-01'])
    await db.sql`delete from core.billing_rollup_pending where month = '2026-01-01'`
    const second = await refreshBillingRollups(db.sql, 'acme')
    expect(second.months).toEqual(['2026-02-01'])
    expect((await accountMonth(2, '2026-02-01'))[0]).toMatchObject({ gross: '60' })
    // January was not pending, so it keeps its figures until a full rebuild.
    expect((await accountMonth(1, '2026-01-01'))[0]).toMatchObject({ gross: '107.623456' })
    const full = await refreshBillingRollups(db.sql, 'acme', { full: true })
    expect(full.months).toEqual(['2026-01-01', '2026-02-01'])
    expect((await accountMonth(1, '2026-01-01'))[0]).toMatchObject({ gross: '100.123456' })
  })

  it('marks cost written after the account-month was invoiced as late', async () => {
    // A bill of account 1 for March, invoiced on a posted invoice dated April 5; a second account is
    // invoiced only at customer level (no bill): its customer's first invoice of the month counts.
    await db.sql`
      insert into core.billing_invoice (tenant_id, basis, line_ref, document_ref, document_state, invoice_ref,
        account_ref, company_id, product_id, line_type, month, amount, document_date, raw_pk)
      values ('acme', 'bill', 1, 100, 'invoiced', 500, 1, 11, 1, 'usage', '2026-03-01', '130', '2026-03-31', 'b1'),
             ('acme', 'bill', 2, 101, 'cancel', null, 1, 11, 1, 'usage', '2026-03-01', '999', '2026-03-31', 'b2'),
             ('acme', 'invoice', 1, 500, 'posted', 500, null, 11, 1, 'invoice', '2026-03-01', '130', '2026-04-05', 'i1'),
             ('acme', 'invoice', 2, 501, 'posted', 501, null, 20, 1, 'invoice', '2026-03-01', '70', '2026-04-09', 'i2'),
             ('acme', 'invoice', 3, 502, 'draft', 502, null, 20, 1, 'invoice', '2026-03-01', '5', '2026-04-01', 'i3')`
    await addCost(10, 1, '2026-03-01', 'usage', '100', '2026-04-03')
    await addCost(11, 1, '2026-03-01', 'credit', '-10', '2026-05-20')
    // Imported before the invoice and only touched later: not a restatement.
    await addCost(15, 1, '2026-03-01', 'usage', '1', '2026-03-28', 'AWS Lambda', '2026-06-01')
    await addCost(12, 2, '2026-03-01', 'usage', '50', '2026-04-09')
    await addCost(13, 2, '2026-03-01', 'refund', '-4', '2026-05-10')
    // Written a day after the invoice: the regular import arriving late, within the grace, not a restatement.
    await addCost(14, 2, '2026-03-01', 'usage', '5', '2026-04-10')
    await refreshBillingRollups(db.sql, 'acme')
    expect(await accountMonth(1, '2026-03-01')).toEqual([
      expect.objectContaining({ late: false, gross: '101', credit: '0', invoiced_on: '2026-04-05' }),
      expect.objectContaining({ late: true, gross: '0', credit: '-10', invoiced_on: '2026-04-05' }),
    ])
    expect(await accountMonth(2, '2026-03-01')).toEqual([
      expect.objectContaining({ late: false, gross: '55', invoiced_on: '2026-04-09' }),
      expect.objectContaining({ late: true, refund: '-4', invoiced_on: '2026-04-09' }),
    ])
    const revenue = await db.sql`
      select basis, account_ref, partner_id, amount::text from core.billing_revenue_monthly
      where tenant_id = 'acme' and month = '2026-03-01' order by basis, partner_id`
    expect(revenue).toEqual([
      { basis: 'bill', account_ref: '1', partner_id: '11', amount: '130' },
      { basis: 'invoice', account_ref: null, partner_id: '11', amount: '130' },
      { basis: 'invoice', account_ref: null, partner_id: '20', amount: '70' },
    ])
  })

  it('sums cost per customer, and regroups the months of an account that changes customer', async () => {
    await refreshBillingRollups(db.sql, 'acme')
    const perCustomer = async () =>
      db.sql<{ company_id: string; month: string; gross: string }[]>`
        select company_id, month, sum(gross)::text as gross from core.billing_customer_monthly
        where tenant_id = 'acme' group by 1, 2 order by 2, 1`
    const perAccount = await db.sql`
      select a.company_id, r.month, sum(r.gross)::text as gross
      from core.billing_account_monthly r join core.aws_accounts a on a.tenant_id = r.tenant_id and a.account_ref = r.account_ref
      where r.tenant_id = 'acme' group by 1, 2 order by 2, 1`
    expect(await perCustomer()).toEqual(perAccount)
    // Revenue without products sums to the same per basis, account, partner and month.
    const withoutProducts = await db.sql`
      select basis, account_ref, partner_id, month, amount::text from core.billing_revenue_totals
      where tenant_id = 'acme' order by 1, 2, 3, 4`
    expect(withoutProducts.length).toBeGreaterThan(0)
    expect(withoutProducts).toEqual(
      await db.sql`
        select basis, account_ref, partner_id, month, sum(amount)::text as amount from core.billing_revenue_monthly
        where tenant_id = 'acme' group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    )
    // Rewriting an account as it was marks nothing; moving it to another customer marks its months.
    await db.sql`update core.aws_accounts set account_name = account_name where tenant_id = 'acme'`
    expect(await pending()).toEqual([])
    await db.sql`update core.aws_accounts set company_id = 20 where tenant_id = 'acme' and account_ref = 1`
    const marked = await pending()
    expect(marked.length).toBeGreaterThan(0)
    await refreshBillingRollups(db.sql, 'acme')
    const moved = await perCustomer()
    expect(moved.filter((row) => row.company_id === '10')).toEqual([])
    expect(moved.find((row) => row.month === '2026-01-01')).toMatchObject({ company_id: '20' })
    await db.sql`update core.aws_accounts set company_id = 10 where tenant_id = 'acme' and account_ref = 1`
    await refreshBillingRollups(db.sql, 'acme')
  })

  it('keeps tenants apart: a refresh touches its own tenant only', async () => {
    await db.sql`
      insert into core.billing_cost (tenant_id, cost_ref, account_ref, charge_category, month, cost, raw_pk)
      values ('other', 1, 1, 'usage', '2026-01-01', 999, '1')`
    const result = await refreshBillingRollups(db.sql, 'acme')
    expect(result.months).toEqual([])
    const [other] = await db.sql`
      select count(*)::int as n from core.billing_account_monthly where tenant_id = 'other'`
    expect(other!.n).toBe(0)
    await refreshBillingRollups(db.sql, 'other')
    const [acme] = await db.sql`
      select sum(gross)::text as gross from core.billing_account_monthly where tenant_id = 'acme' and month = '2026-01-01'`
    expect(acme!.gross).toBe('100.123456')
  })
})
