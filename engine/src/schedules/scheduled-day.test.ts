// A day of the platform running by itself, on an injected clock: the scheduler ticks every minute, the
// jobs it queues run at once (as a worker keeping up would), and the notifications they send land on a
// real webhook receiver. Each scheduled run, the digest and the SLA reminder happen exactly as configured,
// once each.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Tenant } from '../config/load-tenant-config.ts'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { runNotifications } from '../notifications/notify-stage.ts'
import { stageContext } from '../stage/stage.ts'
import { tickSchedules } from './tick-schedules.ts'

const db = useTestDatabase()
const received: { event: string; text: string; at: string }[] = []
let receiver: Server
let clock = new Date('2026-12-07T00:00:00Z')
let tenant: Tenant

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const message = JSON.parse(body)
      received.push({ event: message.event, text: message.text, at: clock.toISOString() })
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  tenant = loadTenantFromText(
    `tenant_id: acme
display_name: Acme
sources: { odoo: { url_env: ODOO_URL, tables: [crm_lead] } }
schedules:
  - { name: notify, task: notify, cron: "*/15 * * * *", timezone: Europe/Berlin }
  - { name: evening-digest, task: digest, cron: "0 18 * * *", timezone: Europe/Berlin }
notifications:
  review_sla_hours: 24
  channels:
    - { name: team, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET, events: [review_overdue] }
    - { name: daily, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET, events: [decision_changed], digest: daily }
`,
    {
      ODOO_URL: 'postgres://unused/odoo',
      HOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      HOOK_SECRET: 'sixteen-chars-or-more',
    },
  )
  await db.sql`insert into ops.tenants values ('acme', 'Acme')`
  await db.sql`
    insert into ops.ruleset_versions (tenant_id, ruleset, version, content, content_hash, author)
    values ('acme', 'pod', 1, '{}', ${`sha256:${'0'.repeat(64)}`}, 'tests')`
  // Waiting for a person since 09:20 the day before: the SLA passes at 09:20 today.
  const decide = (aceId: string, outcome: string, at: string, n: number) => db.sql`
    insert into ops.decisions (tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, outcome, rules, facts,
                               fingerprint, run_id, actor, evaluated_at)
    values ('acme', ${aceId}, 'pod', 1, ${`sha256:${'0'.repeat(64)}`}, '2026-12-06', ${outcome}, '[]', '{}', ${`f${n}`},
            gen_random_uuid(), 'system', ${at})`
  await decide('O1', 'needs_review', '2026-12-06T09:20:00Z', 1)
  await decide('O2', 'needs_review', '2026-12-06T06:00:00Z', 2)
  await db.sql`insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
               select 'acme', decision_id, 'O2', 'approve', 'fine', 'kim' from ops.decisions where ace_id = 'O2'`
  await decide('O3', 'auto_reject', '2026-12-06T05:00:00Z', 3)
  await decide('O3', 'auto_approve', '2026-12-07T11:00:00Z', 4)
})
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

/** Runs what the scheduler queued, as a worker would, and marks it done. */
async function runQueuedJobs(): Promise<string[]> {
  const jobs = await db.sql<{ job_id: string; kind: string; payload: { digest?: boolean } }[]>`
    select job_id, kind, payload from ops.jobs where status = 'queued' order by created_at`
  for (const job of jobs) {
    if (job.kind === 'notify')
      await runNotifications(stageContext({ tenant, sql: db.sql, url: db.url }), {
        now: clock,
        digest: job.payload.digest === true,
      })
    await db.sql`update ops.jobs set status = 'succeeded', finished_at = ${clock} where job_id = ${job.job_id}`
  }
  return jobs.map((j) => (j.payload.digest ? 'digest' : j.kind))
}

describe('a day on an injected clock', () => {
  it('runs each schedule, the digest and the SLA reminder exactly as configured, once each', async () => {
    const ran: { kind: string; at: string }[] = []
    for (let minute = 0; minute < 24 * 60; minute++) {
      clock = new Date(Date.parse('2026-12-07T00:00:00Z') + minute * 60_000)
      await tickSchedules(db.sql, { tenants: [tenant.config], now: clock })
      for (const kind of await runQueuedJobs()) ran.push({ kind, at: clock.toISOString() })
    }
    expect(ran.filter((r) => r.kind === 'notify')).toHaveLength(96)
    expect(ran.filter((r) => r.kind === 'digest')).toEqual([
      { kind: 'digest', at: '2026-12-07T17:00:00.000Z' },
    ])
    // The reminder: at the first notify run after the SLA passed (09:30), for the unreviewed decision only.
    expect(received.filter((r) => r.event === 'review_overdue')).toEqual([
      { event: 'review_overdue', text: expect.stringContaining('O1'), at: '2026-12-07T09:30:00.000Z' },
    ])
    // The changed decision (11:00) waited for the evening digest, and went out in it once.
    expect(received.filter((r) => r.event === 'digest')).toEqual([
      {
        event: 'digest',
        text: expect.stringMatching(/1 update[\s\S]*O3 is now approved/),
        at: '2026-12-07T17:00:00.000Z',
      },
    ])
    expect(received).toHaveLength(2)
  }, 120_000)
})
