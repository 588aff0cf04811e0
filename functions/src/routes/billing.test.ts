import { API_ROLE, runtimeRoleUrl, type Sql } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { refreshBillingRollups } from '@revops/engine/billing'
import { createApiDatabase, createApiKey } from '@revops/engine/tenancy'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBillingAnswers } from '../billing-answers.ts'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let fixture: DemoFixture
let app: TestApp
const answers = createBillingAnswers()

async function get(path: string, key?: string) {
  const response = await app.request(`/api/v1/billing/${path}`, key ? { key } : {})
  const type = response.headers.get('content-type') ?? ''
  return {
    status: response.status,
    type,
    body: (type.startsWith('application/json') ? await response.json() : await response.text()) as any,
  }
}

beforeAll(async () => {
  fixture = await createDemoFixture(db)
  await refreshBillingRollups(db.sql, 'demo')
  // Another tenant with billing of its own: never visible to the demo tenant's key.
  await db.sql`insert into ops.tenants values ('other', 'Other')`
  await db.sql`
    insert into core.aws_accounts (tenant_id, account_ref, aws_account_id, aws_account_id_status, account_name, company_id, raw_pk)
    values ('other', 900001, '999999999999', 'valid', 'Secret account', 900001, '900001')`
  await db.sql`
    insert into core.billing_cost (tenant_id, cost_ref, account_ref, service, charge_category, month, cost, raw_pk)
    values ('other', 1, 900001, 'AWS Lambda', 'usage', '2026-08-01', 1000000, '1')`
  await refreshBillingRollups(db.sql, 'other')
  app = await createTestApp(db.sql, db.url, fixture.tenant, { deps: { billingAnswers: answers } })
}, 180_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
})

describe('GET /api/v1/billing', () => {
  it('summarises the selection with the bases, currency and exact decimals', async () => {
    const { status, body } = await get('summary?from=2026-07&to=2026-10&basis=gross')
    expect(status).toBe(200)
    expect(body.metadata.version).toBe('0.0.0-test')
    const { context, totals, cost_breakdown } = body.data
    expect(context).toMatchObject({
      currency: 'USD',
      basis: 'gross',
      invoice_basis: 'invoice',
      period: { from: '2026-07', to: '2026-10' },
    })
    expect(context.attribution).toEqual({ cost: 'account', invoice: 'customer' })
    expect(totals.cost).toMatch(/^-?\d+(\.\d+)?$/)
    expect(totals.cost).toBe(cost_breakdown.gross)
    const [core] = await db.sql`
      select sum(cost)::text as gross from core.billing_cost
      where tenant_id = 'demo' and charge_category not in ('credit', 'refund', 'discount')`
    const [same] = await db.sql`select ${totals.cost}::numeric = ${core!.gross}::numeric as equal`
    expect(same!.equal).toBe(true)
  })

  it('breaks down and exports exactly the rows shown as CSV', async () => {
    const query = 'breakdown?from=2026-07&to=2026-10&group_by=customer&invoice_basis=bill&limit=5'
    const json = await get(query)
    expect(json.status).toBe(200)
    expect(json.body.data.groups).toHaveLength(5)
    const csv = await get(`${query}&format=csv`)
    expect(csv.status).toBe(200)
    expect(csv.type).toMatch(/^text\/csv/)
    const lines = csv.body.trimEnd().split('\r\n')
    expect(lines).toHaveLength(1 + 5 + 2)
    const header = lines[0].split(',')
    const cost = header.indexOf('cost')
    json.body.data.groups.forEach((group: { cost: string }, i: number) => {
      expect(lines[i + 1].split(',')[cost]).toBe(group.cost)
    })
    expect(lines.at(-1)).toMatch(/,Total,.*,USD,net,bill,account,account$/)
  })

  it('serves time series by quarter, split by payer', async () => {
    const { status, body } = await get(
      'timeseries?from=2026-Q3&to=2026-Q4&granularity=quarter&split_by=payer&invoice_basis=bill&limit=2',
    )
    expect(status).toBe(200)
    expect(body.data.totals.map((p: { period: string }) => p.period)).toEqual(['2026-Q3', '2026-Q4'])
    expect(body.data.series.at(-1)).toMatchObject({ other: true, label: 'Other' })
    const csv = await get('timeseries?from=2026-07&to=2026-10&format=csv')
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(1 + 4)
  })

  it('ends the default range at the last invoiced month and says when a range goes past it', async () => {
    const [latest] = await db.sql`
      select to_char(max(month), 'YYYY-MM') as cost,
        (select to_char(max(month), 'YYYY-MM') from core.billing_revenue_monthly where basis = 'invoice') as invoiced
      from core.billing_account_monthly`
    expect(latest!.invoiced < latest!.cost).toBe(true)
    const { body } = await get('summary')
    expect(body.data.context.invoiced_through).toBe(latest!.invoiced)
    expect(body.data.context.period.to).toBe(latest!.invoiced)
    expect(body.data.context.notes.join(' ')).not.toContain('Nothing is invoiced after')
    const past = await get(`summary?to=${latest!.cost}`)
    expect(past.body.data.context.notes.join(' ')).toContain(`Nothing is invoiced after ${latest!.invoiced}`)
  })

  it('lists the account hierarchy, searchable', async () => {
    const { status, body } = await get('accounts?limit=3')
    expect(status).toBe(200)
    expect(body.data.customers).toHaveLength(3)
    expect(body.data.total_customers).toBeGreaterThan(3)
    expect(body.data.payers.length).toBeGreaterThan(0)
    const payer = body.data.payers[0]
    const found = await get(`accounts?q=${encodeURIComponent(payer.name)}`)
    expect(found.body.data.payers.map((p: { ref: string }) => p.ref)).toContain(payer.ref)
  })

  it('answers bad parameters with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['summary?basis=net_of_everything', 'query.basis'],
      ['summary?from=2026-13', 'query.from'],
      ['summary?from=2026-10&to=2026-07', 'query.from'],
      ['summary?accounts=12,abc', 'query.accounts.1'],
      ['summary?accounts=424242', 'query.accounts'],
      ['summary?payers=999999999999', 'query.payers'],
      ['timeseries?granularity=week', 'query.granularity'],
      ['breakdown?group_by=planet', 'query.group_by'],
      ['breakdown?group_by=service&sort=invoice', 'query.sort'],
      ['breakdown?group_by=account&limit=0', 'query.limit'],
    ]
    for (const [path, field] of cases) {
      const { status, body } = await get(path)
      expect(status, path).toBe(400)
      expect(body.error.code).toBe('validation_failed')
      expect(body.error.message.startsWith(`${field}:`), `${path}: ${body.error.message}`).toBe(true)
    }
  })

  it('never shows another tenant’s billing', async () => {
    const all = await get('breakdown?from=2026-07&to=2026-10&group_by=account&invoice_basis=bill&limit=500')
    expect(all.body.data.groups.map((g: { key: string }) => g.key)).not.toContain('900001')
    const accounts = await get('accounts?q=secret')
    expect(accounts.body.data.customers).toEqual([])
    const other = await get('summary?accounts=999999999999')
    expect(other.status).toBe(400)
  })
})

describe('Cost Explorer answers kept between requests', () => {
  const view = 'breakdown?from=2026-07&to=2026-10&group_by=customer&limit=5'

  it('answers a repeated view from memory, and computes it again once a name or a figure changed', async () => {
    const first = await get(view)
    const computed = answers.stats.computed
    const again = await get(view)
    expect(again.body.data).toEqual(first.body.data)
    expect(answers.stats.computed).toBe(computed)
    expect(answers.stats.hits).toBeGreaterThan(0)
    // JSON and CSV of one view are one answer.
    const csv = await get(`${view}&format=csv`)
    expect(csv.type).toMatch(/text\/csv/)
    expect(answers.stats.computed).toBe(computed)

    // A customer renamed (as normalisation would): the next answer carries the new name.
    const top = first.body.data.groups.find((g: { customer_id?: string }) => g.customer_id)
    await db.sql`update core.companies set name = 'Renamed Customer Ltd' where tenant_id = 'demo'
      and company_id = ${top.customer_id}`
    const renamed = await get(view)
    expect(answers.stats.computed).toBe(computed + 1)
    expect(
      renamed.body.data.groups.find((g: { customer_id?: string }) => g.customer_id === top.customer_id),
    ).toMatchObject({ label: 'Renamed Customer Ltd' })

    // A cost row written: its month is pending at once, and its cost counts once the rollups are rebuilt.
    await db.sql`
      insert into core.billing_cost (tenant_id, cost_ref, account_ref, service, charge_category, month, cost, raw_pk)
      values ('demo', 990001, null, 'AWS Lambda', 'usage', '2026-08-01', 12345, '990001')`
    const summary = 'summary?from=2026-07&to=2026-10&basis=gross'
    const pending = await get(summary)
    expect(pending.body.data.context.freshness.pending_months).toContain('2026-08')
    await refreshBillingRollups(db.sql, 'demo')
    const rebuilt = await get(summary)
    expect(rebuilt.body.data.context.freshness.pending_months).toEqual([])
    expect(Number(rebuilt.body.data.totals.cost) - Number(pending.body.data.totals.cost)).toBeCloseTo(
      12345,
      2,
    )
  })

  it('answers a kept view without a query of its own: the stamp came with the key', async () => {
    // The key's sessions, counted: every statement the route sends through them passes here.
    const api = createApiDatabase(runtimeRoleUrl(db.url, API_ROLE))
    let statements = 0
    const counted = (sql: Sql): Sql =>
      new Proxy(sql, {
        apply: (target, self, args) => {
          statements++
          return Reflect.apply(target, self, args)
        },
        get: (target, property, receiver) => {
          const value = Reflect.get(target, property, receiver)
          if (!['begin', 'unsafe', 'reserve', 'file'].includes(String(property))) return value
          return (...args: unknown[]) => {
            statements++
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        },
      })
    const counting = await createTestApp(db.sql, db.url, fixture.tenant, {
      deps: { billingAnswers: createBillingAnswers(), sqlForKey: (key) => counted(api.forKey(key)) },
    })
    try {
      const path = `/api/v1/billing/${view}`
      const first = await counting.call(path)
      expect(first.status).toBe(200)
      expect(statements).toBeGreaterThan(0)
      const computing = statements
      const kept = await counting.call(path)
      expect(kept.body.data).toEqual(first.body.data)
      expect(statements).toBe(computing)
      // Still current: a changed figure is computed again, through the key's session.
      await db.sql`
        insert into core.billing_cost (tenant_id, cost_ref, account_ref, service, charge_category, month, cost, raw_pk)
        values ('demo', 990002, null, 'AWS Lambda', 'usage', '2026-09-01', 1, '990002')`
      await counting.call(path)
      expect(statements).toBeGreaterThan(computing)
    } finally {
      await counting.close()
      await api.close()
    }
  })

  it("keeps each tenant's answers apart: another tenant's key asking the same view gets its own figures", async () => {
    const summary = 'summary?from=2026-07&to=2026-10&basis=gross'
    const demo = await get(summary)
    const { key } = await createApiKey(db.sql, 'other', 'other-tests')
    const other = await get(summary, key)
    expect(other.status).toBe(200)
    expect(Number(other.body.data.totals.cost)).toBe(1000000)
    expect(Number(demo.body.data.totals.cost)).not.toBe(1000000)
    // And the demo key still sees the demo tenant's figures afterwards.
    expect((await get(summary)).body.data.totals).toEqual(demo.body.data.totals)
  })
})
