// The write-back routes: the list with counts, and batch approval attributed to the key, which queues
// the job that runs the writes; bad input is a 400 naming the field, and only waiting writes move.
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const ids: Record<string, string> = {}

beforeAll(async () => {
  const rows = await db.sql<{ ace_id: string; write_id: string }[]>`
    insert into ops.partner_central_writes (tenant_id, source, catalog, ace_id, lead_id, reason, status, mode, request)
    values ('acme', 'ace', 'Sandbox', 'O1', '41', 'confirmed', 'pending_approval', 'dry_run', '{"PartnerOpportunityIdentifier": "41"}'),
           ('acme', 'ace', 'Sandbox', 'O2', '42', 'auto_link', 'pending_approval', 'dry_run', null),
           ('acme', 'ace', 'Sandbox', 'O3', '43', 'confirmed', 'succeeded', 'live', null),
           ('other', 'ace', 'AWS', 'O9', '49', 'confirmed', 'pending_approval', 'live', null)
    returning ace_id, write_id::text`
  for (const row of rows) ids[row.ace_id] = row.write_id
})

describe('GET /api/v1/write-backs', () => {
  it('lists the tenant’s writes newest first with the counts by status', async () => {
    const { status, body } = await app.call('/api/v1/write-backs')
    expect(status).toBe(200)
    expect(body.data.items.map((w: any) => w.ace_id)).toEqual(['O3', 'O2', 'O1'])
    expect(body.data.counts).toMatchObject({ pending_approval: 2, succeeded: 1, approved: 0 })
    expect(body.data.items[2]).toMatchObject({
      mode: 'dry_run',
      request: { PartnerOpportunityIdentifier: '41' },
    })
  })

  it('filters by status (one or several) and by ACE id, and pages', async () => {
    const pending = await app.call('/api/v1/write-backs?status=pending_approval')
    expect(pending.body.data.items.map((w: any) => w.ace_id)).toEqual(['O2', 'O1'])
    const two = await app.call('/api/v1/write-backs?status=pending_approval&status=succeeded&ace_id=O3')
    expect(two.body.data.items.map((w: any) => w.ace_id)).toEqual(['O3'])
    // The counts follow the ACE opportunity asked for.
    expect(two.body.data.counts).toMatchObject({ succeeded: 1, pending_approval: 0 })
    const page = await app.call('/api/v1/write-backs?limit=2')
    expect(page.body.data.next_cursor).toBe(ids.O2)
    const next = await app.call(`/api/v1/write-backs?limit=2&cursor=${page.body.data.next_cursor}`)
    expect(next.body.data.items.map((w: any) => w.ace_id)).toEqual(['O1'])
  })

  it('refuses a status it does not know', async () => {
    const { status, body } = await app.call('/api/v1/write-backs?status=done')
    expect(status).toBe(400)
    expect(body.error.code).toBe('validation_failed')
  })
})

describe('POST /api/v1/write-backs/approve', () => {
  it('approves waiting writes as the key, reports the others, and queues the write-back job', async () => {
    const { status, body } = await app.call('/api/v1/write-backs/approve', {
      method: 'POST',
      json: { write_ids: [ids.O1, ids.O3, ids.O9] },
    })
    expect(status).toBe(200)
    expect(body.data).toMatchObject({
      approved: [ids.O1],
      not_approved: [ids.O3, ids.O9],
      job: { kind: 'write-back', status: 'queued' },
    })
    const [write] =
      await db.sql`select status, approved_by from ops.partner_central_writes where write_id = ${ids.O1!}`
    expect(write).toEqual({ status: 'approved', approved_by: 'tests' })
    const [other] = await db.sql`select status from ops.partner_central_writes where write_id = ${ids.O9!}`
    expect(other!.status).toBe('pending_approval')
    const [event] = await db.sql`
      select actor, actor_key_id, details from ops.audit_events where action = 'partner_central.writes_approved'`
    expect(event).toMatchObject({ actor: 'tests', actor_key_id: expect.any(String) })
  })

  it('approving again changes nothing and queues nothing', async () => {
    const { body } = await app.call('/api/v1/write-backs/approve', {
      method: 'POST',
      json: { write_ids: [ids.O1] },
    })
    expect(body.data).toEqual({ approved: [], not_approved: [ids.O1], job: null })
  })

  it('refuses bad input with a 400 naming the field', async () => {
    for (const json of [{ write_ids: [] }, { write_ids: ['1; drop table'] }, { ids: ['1'] }, {}]) {
      const { status, body } = await app.call('/api/v1/write-backs/approve', { method: 'POST', json })
      expect(status, JSON.stringify(json)).toBe(400)
      expect(body.error.code).toBe('validation_failed')
    }
    const unauthenticated = await app.call('/api/v1/write-backs/approve', {
      method: 'POST',
      json: { write_ids: [ids.O2] },
      key: null,
    })
    expect(unauthenticated.status).toBe(401)
  })
})
