import { connect, type Sql } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TooManyRequestsError } from '../shared/errors.ts'
import { takeRequest } from './request-budget.ts'

const db = useTestDatabase()
let workerA: Sql
let workerB: Sql

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme'), ('beta', 'Beta')`
  // Two workers: two pools of their own, as on two machines.
  workerA = connect(db.url, { max: 2 })
  workerB = connect(db.url, { max: 2 })
})

afterAll(async () => {
  await workerA.end()
  await workerB.end()
})

describe('takeRequest', () => {
  it('paces two workers sharing one budget to its rate together', async () => {
    const budget = { tenantId: 'acme', name: 'api:read', perSecond: 10, perDay: 1000 }
    const granted: number[] = []
    const take = async (sql: Sql, n: number) => {
      for (let i = 0; i < n; i++) {
        await takeRequest(sql, budget)
        granted.push(performance.now())
      }
    }
    const started = performance.now()
    await Promise.all([take(workerA, 12), take(workerB, 12)])
    granted.sort((a, b) => a - b)
    // 24 requests at 10 per second: the first is free, the other 23 wait their turn.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2100)
    const mostInOneSecond = Math.max(
      ...granted.map((t) => granted.filter((u) => u >= t && u < t + 1000).length),
    )
    expect(mostInOneSecond).toBeLessThanOrEqual(11)
  })

  it('refuses once the rolling 24 hours are spent, per tenant', async () => {
    const budget = { tenantId: 'acme', name: 'api:write', perSecond: 50, perDay: 3 }
    for (let i = 0; i < 3; i++) await takeRequest(workerA, budget)
    await expect(takeRequest(workerB, budget)).rejects.toBeInstanceOf(TooManyRequestsError)
    await expect(takeRequest(workerB, budget)).rejects.toThrow(/3 requests per 24 hours is spent/)
    // Another tenant's budget of the same name is its own.
    await takeRequest(workerB, { ...budget, tenantId: 'beta' })
    const [counted] = await db.sql<{ n: number }[]>`
      select sum(requests)::int as n from ops.request_counts where tenant_id = 'acme' and budget = 'api:write'`
    expect(counted!.n).toBe(3)
  })

  it('gives up when the wait would pass what the caller allows', async () => {
    const budget = { tenantId: 'acme', name: 'api:slow', perSecond: 0.1, perDay: 100 }
    await takeRequest(workerA, budget)
    await expect(takeRequest(workerA, budget, { maxWaitMs: 200 })).rejects.toThrow(/within the wait allowed/)
  })
})

describe('the runtime roles', () => {
  it('may use the budget and the writes (row-level security keeps them to their tenant)', async () => {
    const [grants] = await db.sql<Record<string, boolean>[]>`
      select has_table_privilege('revops_worker', 'ops.request_budgets', 'insert, update') as worker_budgets,
             has_table_privilege('revops_worker', 'ops.request_counts', 'insert, update') as worker_counts,
             has_table_privilege('revops_worker', 'ops.partner_central_writes', 'insert, update') as worker_writes,
             has_table_privilege('revops_app', 'ops.partner_central_writes', 'select, update') as api_writes,
             (select bool_and(relrowsecurity) from pg_class where oid in
               ('ops.request_budgets'::regclass, 'ops.request_counts'::regclass, 'ops.partner_central_writes'::regclass)) as secured`
    expect(grants).toEqual({
      worker_budgets: true,
      worker_counts: true,
      worker_writes: true,
      api_writes: true,
      secured: true,
    })
  })
})
