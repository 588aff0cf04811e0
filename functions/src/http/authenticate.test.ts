// Authentication and tenancy at the edge: no key, no data (health and docs aside), and a key's client
// reaches its own tenant's rows only, whatever the query or a session setting says.
import { API_ROLE, runtimeRoleUrl } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { createApiDatabase } from '@revops/engine/tenancy'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const json = app.call

beforeAll(async () => {
  await db.sql`
    insert into core.odoo_opportunities (tenant_id, lead_id, title, customer_name, stage_name, date_deadline, expected_revenue, raw_pk)
    values ('acme', 42, 'Data lake', 'Acme Corp', 'Won', '2026-05-01', 120000.50, '42'),
           ('other', 43, 'Secret', 'Other Corp', 'New', '2026-05-01', 1, '43')`
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
