// GET /api/v1/notifications: the tenant's outbox newest first, filtered by status and paged; another
// tenant's messages never show.
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)

beforeAll(async () => {
  await db.sql`
    insert into ops.notifications (tenant_id, channel, event, idempotency_key, subject, body, status, attempts, last_error, sent_at)
    values ('acme', 'mail', 'run_failed', 'run_failed:1', 'A sync run failed', 'boom', 'sent', 1, null, now()),
           ('acme', 'slack', 'run_failed', 'run_failed:1', 'A sync run failed', 'boom', 'pending', 2, 'the webhook answered 503', null),
           ('acme', 'slack', 'review_overdue', 'review_overdue:7', 'Review overdue', 'waited', 'failed', 8, 'refused', null),
           ('other', 'mail', 'run_failed', 'run_failed:9', 'Other tenant''s failure', 'x', 'sent', 1, null, now())`
})

describe('GET /api/v1/notifications', () => {
  it('lists the tenant’s messages newest first, with why they wait or failed', async () => {
    const { status, body } = await app.call('/api/v1/notifications')
    expect(status).toBe(200)
    expect(body.data.items.map((n: any) => [n.channel, n.status])).toEqual([
      ['slack', 'failed'],
      ['slack', 'pending'],
      ['mail', 'sent'],
    ])
    expect(body.data.items[1]).toMatchObject({ attempts: 2, last_error: 'the webhook answered 503' })
    expect(JSON.stringify(body)).not.toContain('Other tenant')
  })

  it('filters by status and pages; a bad status is a 400', async () => {
    const failed = await app.call('/api/v1/notifications?status=failed&status=pending')
    expect(failed.body.data.items).toHaveLength(2)
    const page = await app.call('/api/v1/notifications?limit=1')
    const next = await app.call(`/api/v1/notifications?limit=1&cursor=${page.body.data.next_cursor}`)
    expect(next.body.data.items[0].status).toBe('pending')
    expect((await app.call('/api/v1/notifications?status=lost')).status).toBe(400)
  })
})
