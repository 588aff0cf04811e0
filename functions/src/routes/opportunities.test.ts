// The opportunities routes: the envelope, keyset paging, filters, one opportunity with its source, and
// bad input answered with the field at fault.
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const json = app.call

beforeAll(async () => {
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
    expect(headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d\d$/)
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
