import { API_ROLE, runtimeRoleUrl } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { createApiDatabase } from '@revops/engine/tenancy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './testing/test-app.ts'

const db = useTestDatabase()
let app: TestApp

async function json(path: string, init?: RequestInit & { key?: string | null }) {
  const response = await app.request(path, init)
  return { status: response.status, body: (await response.json()) as any, headers: response.headers }
}

afterAll(() => app.close())

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  app = await createTestApp(db.sql, db.url, 'acme')
  for (let i = 1; i <= 30; i++) {
    await db.sql`
      insert into core.ace_opportunities (tenant_id, ace_id, customer_name, title, stage, close_date, project_budget,
        aws_account_id, aws_account_id_status, raw_pk)
      values ('acme', ${`O${1000 + i}`}, ${`Customer ${i % 7}`}, ${`Migration ${i}`}, ${i % 2 ? 'Qualified' : 'Launched'},
        ${i % 10 === 0 ? null : `2026-0${(i % 9) + 1}-15`}, ${i * 100.5}, ${i === 3 ? '123456789012' : null},
        ${i === 3 ? 'valid' : 'missing'}, ${`O${1000 + i}`})`
  }
  await db.sql`
    insert into core.odoo_opportunities (tenant_id, lead_id, title, customer_name, stage_name, date_deadline, expected_revenue, raw_pk)
    values ('acme', 42, 'Data lake', 'Acme Corp', 'Won', '2026-05-01', 120000.50, '42'),
           ('other', 43, 'Secret', 'Other Corp', 'New', '2026-05-01', 1, '43')`
})

describe('GET /api/v1/opportunities', () => {
  it('wraps data in the envelope with metadata', async () => {
    const { status, body, headers } = await json('/api/v1/opportunities?limit=5', {
      headers: { 'x-correlation-id': 'test-correlation-1' },
    })
    expect(status).toBe(200)
    expect(body.metadata).toMatchObject({ correlation_id: 'test-correlation-1', version: '0.0.0-test' })
    expect(body.metadata.processing_time_ms).toBeGreaterThanOrEqual(0)
    expect(headers.get('x-correlation-id')).toBe('test-correlation-1')
    expect(body.data.items).toHaveLength(5)
  })

  it('pages through every row exactly once, nulls last, in both directions', async () => {
    for (const order of ['asc', 'desc']) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const query = `/api/v1/opportunities?source=ace&sort=close_date&order=${order}&limit=7${cursor ? `&cursor=${cursor}` : ''}`
        const { body } = await json(query)
        seen.push(...body.data.items.map((item: { id: string }) => item.id))
        cursor = body.data.next_cursor
      } while (cursor)
      expect(seen).toHaveLength(30)
      expect(new Set(seen).size).toBe(30)
      expect(seen.slice(-3).sort()).toEqual(['ace:O1010', 'ace:O1020', 'ace:O1030'])
    }
  })

  it('filters by source, stage, text and account, and keeps tenants apart', async () => {
    const odoo = await json('/api/v1/opportunities?source=odoo')
    expect(odoo.body.data.items.map((i: { id: string }) => i.id)).toEqual(['odoo:42'])
    expect(odoo.body.data.items[0].amount).toBe('120000.50')
    const launched = await json('/api/v1/opportunities?stage=Launched&limit=100')
    expect(launched.body.data.items).toHaveLength(15)
    const text = await json('/api/v1/opportunities?q=migration%2013')
    expect(text.body.data.items.map((i: { id: string }) => i.id)).toEqual(['ace:O1013'])
    const account = await json('/api/v1/opportunities?aws_account_id=123456789012')
    expect(account.body.data.items.map((i: { id: string }) => i.id)).toEqual(['ace:O1003'])
  })

  it('answers bad input with a 400 naming the field', async () => {
    const tooMany = await json('/api/v1/opportunities?limit=5000')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.code).toBe('validation_failed')
    expect(tooMany.body.error.message).toMatch(/^query\.limit: /)
    expect(tooMany.body.error.correlation_id).toBeTruthy()
    const badSort = await json('/api/v1/opportunities?sort=drop_table')
    expect(badSort.status).toBe(400)
    expect(badSort.body.error.details.fields[0].field).toBe('query.sort')
    const badCursor = await json('/api/v1/opportunities?cursor=nonsense')
    expect(badCursor.status).toBe(400)
    expect(badCursor.body.error.message).toMatch(/cursor/)
  })
})

describe('GET /api/v1/opportunities/{id}', () => {
  it('returns every normalised field and where it came from', async () => {
    const { status, body } = await json('/api/v1/opportunities/odoo:42')
    expect(status).toBe(200)
    expect(body.data).toMatchObject({
      id: 'odoo:42',
      title: 'Data lake',
      raw: { source: 'odoo', table: 'crm_lead', pk: '42' },
    })
    expect(body.data.fields.lead_id).toBe('42')
  })

  it('404s unknown ids, other tenants’ ids and ids of a malformed kind', async () => {
    expect((await json('/api/v1/opportunities/odoo:43')).status).toBe(404)
    expect((await json('/api/v1/opportunities/odoo:abc')).status).toBe(404)
    expect((await json('/api/v1/opportunities/ace:O9')).body.error.code).toBe('not_found')
    expect((await json('/api/v1/opportunities/zzz:1')).status).toBe(400)
  })
})

describe('jobs and ingestion', () => {
  it('queues a sync, reuses it while active, and reports it by id', async () => {
    const first = await json('/api/v1/ingestion/odoo/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    })
    expect(first.status).toBe(202)
    expect(first.body.data).toMatchObject({
      kind: 'sync',
      status: 'queued',
      payload: { sources: ['odoo'], mode: 'full' },
    })
    const second = await json('/api/v1/ingestion/odoo/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
    })
    expect(second.status).toBe(200)
    expect(second.body.data.id).toBe(first.body.data.id)
    const job = await json(`/api/v1/jobs/${first.body.data.id}`)
    expect(job.body.data.status).toBe('queued')
    const [queued] =
      await db.sql`select task_identifier from graphile_worker.jobs where key = ${`revops:${first.body.data.id}`}`
    expect(queued!.task_identifier).toBe('sync')
  })

  it('rejects unknown sources, bad modes, bad JSON and unknown jobs clearly', async () => {
    expect((await json('/api/v1/ingestion/salesforce/sync', { method: 'POST' })).status).toBe(404)
    const badMode = await json('/api/v1/ingestion/apn/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'sideways' }),
    })
    expect(badMode.status).toBe(400)
    expect(badMode.body.error.message).toMatch(/^body\.mode/)
    const badJson = await json('/api/v1/ingestion/apn/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(badJson.status).toBe(400)
    expect((await json('/api/v1/jobs/not-a-uuid')).status).toBe(400)
    expect((await json('/api/v1/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})

describe('health, docs and unknown routes', () => {
  it('reports health and serves the contract and its docs page', async () => {
    const health = await json('/api/v1/health', { key: null })
    expect(health.status).toBe(200)
    // Public: liveness and readiness only, nothing about any tenant.
    expect(health.body.data).toEqual({
      status: 'degraded',
      database: { ok: true, latency_ms: expect.any(Number) },
      worker: { ok: false },
    })
    expect((await json('/api/v1/health/details', { key: null })).status).toBe(401)
    const details = await json('/api/v1/health/details')
    expect(details.body.data).toMatchObject({ jobs: { stuck: 0 }, stuck_jobs: [], last_sync: null })
    const spec = await json('/api/openapi.json', { key: null })
    expect(spec.body.openapi).toBe('3.1.0')
    expect(Object.keys(spec.body.paths)).toContain('/api/v1/opportunities/{id}')
    const docs = await app.request('/api/docs', { key: null })
    expect(await docs.text()).toContain('swagger-ui-bundle.js')
    expect((await app.request('/api/docs/assets/swagger-ui.css', { key: null })).status).toBe(200)
    const missing = await json('/api/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})

describe('limits', () => {
  it('refuses a body over the limit before reading it, in the envelope', async () => {
    const response = await json('/api/v1/decisions/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ace_ids: Array(200_000).fill('O1234567') }),
    })
    expect(response.status).toBe(413)
    expect(response.body.error).toMatchObject({ code: 'payload_too_large' })
  })

  it('throttles a client whose sign-ins keep failing, then lets it try again', async () => {
    const throttled = await createTestApp(db.sql, db.url, 'acme', {
      deps: { clientAddress: () => '203.0.113.7' },
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 22; i++) {
        const response = await throttled.request('/api/v1/jobs', { key: 'rk_guessing_0000000000000000000' })
        statuses.push(response.status)
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
          expect((await response.json()).error.code).toBe('too_many_requests')
        }
      }
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401))
      expect(statuses.slice(20)).toEqual([429, 429])
    } finally {
      await throttled.close()
    }
  })
})

describe('authentication and tenant isolation', () => {
  it('refuses requests without a valid key, except health and docs', async () => {
    const missing = await json('/api/v1/opportunities', { key: null })
    expect(missing.status).toBe(401)
    expect(missing.body.error.code).toBe('unauthorized')
    expect((await json('/api/v1/opportunities', { key: 'rk_not-a-real-key-000000000000' })).status).toBe(401)
    expect((await json('/api/v1/health', { key: null })).status).toBe(200)
  })

  it('shows each key only its own tenant, even to direct SQL through the request client', async () => {
    const other = await createTestApp(db.sql, db.url, 'other')
    try {
      const mine = await json('/api/v1/opportunities?limit=500')
      expect(mine.body.data.items.some((i: { id: string }) => i.id === 'odoo:43')).toBe(false)
      const theirs = await other
        .request('/api/v1/opportunities?source=odoo')
        .then((r) => r.json() as Promise<any>)
      expect(theirs.data.items.map((i: { id: string }) => i.id)).toEqual(['odoo:43'])
      expect((await other.request('/api/v1/opportunities/odoo:42')).status).toBe(404)
      // The key's client cannot read or write another tenant's rows whatever the query says, and no
      // setting switches it: the tenant follows from the key the session presented.
      const database = createApiDatabase(runtimeRoleUrl(db.url, API_ROLE))
      try {
        const scoped = database.forKey(other.key)
        const rows = await scoped<{ tenant_id: string }[]>`select tenant_id from core.odoo_opportunities`
        expect(rows.map((r) => r.tenant_id)).toEqual(['other'])
        await expect(
          scoped`insert into ops.jobs (job_id, tenant_id, kind) values (gen_random_uuid(), 'acme', 'x')`,
        ).rejects.toThrow(/row-level security/)
        const switched = await scoped.begin(async (tx) => {
          await tx`set local app.tenant_id = 'acme'`
          return tx<{ tenant_id: string }[]>`select tenant_id from core.odoo_opportunities`
        })
        expect(switched.map((r) => r.tenant_id)).toEqual(['other'])
      } finally {
        await database.close()
      }
    } finally {
      await other.close()
    }
  })
})
