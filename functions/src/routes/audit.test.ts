// The audit routes: the log newest first, filtered and paged, and the history of one ACE opportunity;
// another tenant's events are never in either, and bad filters are 400s naming the field.
import { useTestDatabase } from '@revops/db/testing'
import { recordAuditEvent } from '@revops/engine/audit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
let app: TestApp

const call: TestApp['call'] = (path, init) => app.call(path, init)

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  app = await createTestApp(db.sql, db.url, 'acme')
  await db.sql`
    insert into core.ace_opportunities (tenant_id, ace_id, customer_name, title, aws_account_id_status, raw_pk)
    values ('acme', 'O1', 'Acme Corp', 'Data lake', 'missing', 'O1'), ('acme', 'O2', 'Acme Corp', 'Quiet', 'missing', 'O2')`
  const event = (tenantId: string, action: string, subjectId: string, actor = 'reviewer') =>
    recordAuditEvent(db.sql, { tenantId, actor, action, subjectType: 'ace_opportunity', subjectId })
  await event('acme', 'decision.approved', 'O1')
  await event('acme', 'match.confirmed', 'O1', 'analyst')
  await recordAuditEvent(db.sql, {
    tenantId: 'acme',
    actor: 'system',
    action: 'ruleset.published',
    subjectType: 'ruleset',
    subjectId: 'pod@1',
  })
  await event('acme', 'decision.rejected', 'O3')
  await event('other', 'decision.approved', 'O1')
})
afterAll(() => app.close())

describe('GET /api/v1/audit', () => {
  it('lists the tenant’s events newest first, filtered and paged', async () => {
    const all = await call('/api/v1/audit')
    expect(all.status).toBe(200)
    expect(all.body.data.items.map((e: any) => e.action)).toEqual([
      'decision.rejected',
      'ruleset.published',
      'match.confirmed',
      'decision.approved',
    ])
    const byAction = await call('/api/v1/audit?action=match.confirmed')
    expect(byAction.body.data.items).toEqual([
      expect.objectContaining({ actor: 'analyst', subject_type: 'ace_opportunity', subject_id: 'O1' }),
    ])
    const byActor = await call('/api/v1/audit?actor=system')
    expect(byActor.body.data.items.map((e: any) => e.subject_id)).toEqual(['pod@1'])
    const bySubject = await call('/api/v1/audit?subject_type=ace_opportunity&subject_id=O1')
    expect(bySubject.body.data.items).toHaveLength(2)

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: any = await call(`/api/v1/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.body.data.items.map((e: any) => e.event_id))
      cursor = page.body.data.next_cursor
    } while (cursor)
    expect(seen).toEqual(all.body.data.items.map((e: any) => e.event_id))
  })

  it('answers bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=yesterday', /query\.from/],
      ['limit=0', /query\.limit/],
      ['cursor=abc', /cursor/],
    ] as const) {
      const { status, body } = await call(`/api/v1/audit?${query}`)
      expect(status).toBe(400)
      expect(body.error.message).toMatch(field)
    }
  })
})

describe('GET /api/v1/audit/opportunities/{ace_id}', () => {
  it('shows every act about one opportunity, and 404s what the tenant does not have', async () => {
    const history = await call('/api/v1/audit/opportunities/O1')
    expect(history.status).toBe(200)
    expect(history.body.data).toMatchObject({ ace_id: 'O1', current_decision_id: null })
    expect(history.body.data.entries.map((e: any) => e.action)).toEqual([
      'match.confirmed',
      'decision.approved',
    ])
    // Known opportunity, nothing done about it yet: an empty history, not an error.
    expect((await call('/api/v1/audit/opportunities/O2')).body.data.entries).toEqual([])
    expect((await call('/api/v1/audit/opportunities/O-none')).status).toBe(404)
    expect((await call('/api/v1/audit/opportunities/not%20an%20id')).status).toBe(400)
  })
})
