// Notifications end to end against real receivers: an SMTP server and a webhook receiver started here,
// the clock injected. What must hold: each event notified once per channel, a receiver that was down gets
// the message after it comes back, a crash between sending and recording sends at most once more (with
// the same delivery id), the hourly rate holds, the digest bundles, and a bad channel is a clear error
// when the configuration loads.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { useTestDatabase } from '@revops/db/testing'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Tenant } from '../config/load-tenant-config.ts'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { ConfigError } from '../shared/errors.ts'
import { stageContext } from '../stage/stage.ts'
import { runNotifications } from './notify-stage.ts'
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  sendMessage,
  signWebhook,
  TIMESTAMP_HEADER,
} from './send-message.ts'

const db = useTestDatabase()
const SECRET = 'a-webhook-signing-secret'
const mails: { subject: string; to: string; messageId: string; delivery: string }[] = []
const hooks: { body: any; delivery: string; signatureOk: boolean }[] = []
let smtp: SMTPServer
let smtpPort: number
let receiver: Server | null = null
let hookPort = 0

async function startReceiver(): Promise<void> {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const timestamp = String(request.headers[TIMESTAMP_HEADER])
      hooks.push({
        body: JSON.parse(body),
        delivery: String(request.headers[DELIVERY_HEADER]),
        signatureOk: request.headers[SIGNATURE_HEADER] === signWebhook(SECRET, timestamp, body),
      })
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver!.listen(hookPort, '127.0.0.1', resolve))
  hookPort = (receiver!.address() as AddressInfo).port
}
const stopReceiver = () =>
  new Promise<void>((resolve) => {
    receiver!.closeAllConnections()
    receiver!.close(() => resolve())
  })

const tenantYaml = (channels: string, extra = '') => `
tenant_id: acme
display_name: Acme
sources: { odoo: { url_env: ODOO_URL, tables: [crm_lead] } }
notifications:
  review_sla_hours: 24
${extra}  channels:
${channels}`
const CHANNELS = `    - { name: mail, kind: email, smtp_url_env: SMTP_URL, from: pod@partner.example, to: [revops@partner.example], events: [decision_changed, review_overdue, run_failed] }
    - { name: slack, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET, events: [review_overdue, run_failed, data_quality_jump], max_per_hour: 3 }
    - { name: daily, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET, events: [decision_changed], digest: daily }
`
let tenant: Tenant
const env = () => ({
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  HOOK_URL: `http://127.0.0.1:${hookPort}/hook`,
  HOOK_SECRET: SECRET,
  ODOO_URL: 'postgres://unused/odoo',
})
const notify = (now: string, options: { digest?: boolean; send?: typeof sendMessage } = {}) =>
  runNotifications(stageContext({ tenant, sql: db.sql, url: db.url }), { now: new Date(now), ...options })

let decisionSeq = 0
async function decide(aceId: string, outcome: string, at: string) {
  decisionSeq++
  await db.sql`
    insert into ops.decisions (tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, outcome, rules, facts,
                               fingerprint, run_id, actor, evaluated_at)
    values ('acme', ${aceId}, 'pod', 1, ${`sha256:${'0'.repeat(64)}`}, '2026-12-07', ${outcome}, '[]', '{}',
            ${`f${decisionSeq}`}, gen_random_uuid(), 'system', ${at})`
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk) => (raw += chunk))
      stream.on('end', () => {
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? ''
        mails.push({
          subject: header('Subject'),
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          messageId: header('Message-ID'),
          delivery: header('X-RevOps-Delivery'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpPort = (smtp.server.address() as AddressInfo).port
  await startReceiver()
  tenant = loadTenantFromText(tenantYaml(CHANNELS), env())
  await db.sql`insert into ops.tenants values ('acme', 'Acme')`
  await db.sql`
    insert into ops.ruleset_versions (tenant_id, ruleset, version, content, content_hash, author)
    values ('acme', 'pod', 1, '{}', ${`sha256:${'0'.repeat(64)}`}, 'tests')`
  await db.sql`insert into core.ace_opportunities (tenant_id, ace_id, customer_name, aws_account_id_status, raw_pk)
               values ('acme', 'O1', 'Zenara Capital', 'missing', 'O1'), ('acme', 'O2', 'Falcon Insurance', 'missing', 'O2')`
})
afterAll(async () => {
  if (receiver?.listening) await stopReceiver()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('notifications', () => {
  it('mails a changed decision once, and keeps it for the daily digest of the digest channel', async () => {
    await decide('O1', 'needs_review', '2026-12-07T08:00:00Z')
    expect(await notify('2026-12-07T08:01:00Z')).toMatchObject({ events: 0, sent: 0 })
    await decide('O1', 'auto_approve', '2026-12-07T09:00:00Z')
    expect(await notify('2026-12-07T09:01:00Z')).toMatchObject({ events: 1, queued: 2, sent: 1 })
    expect(await notify('2026-12-07T09:02:00Z')).toMatchObject({ queued: 0, sent: 0 })
    expect(mails).toEqual([
      {
        subject: 'POD decision changed: Zenara Capital is now approved',
        to: 'revops@partner.example',
        messageId: expect.stringMatching(/^<decision_changed\.\d+\.acme@revops-pod>$/),
        delivery: expect.stringMatching(/^decision_changed:\d+$/),
      },
    ])
    expect(hooks).toEqual([])
  })

  it('reminds of a review waiting longer than the SLA once, on every channel that asks', async () => {
    await decide('O2', 'needs_review', '2026-12-07T10:00:00Z')
    expect(await notify('2026-12-08T09:59:00Z')).toMatchObject({ sent: 0 })
    expect(await notify('2026-12-08T10:00:00Z')).toMatchObject({ sent: 2 })
    expect(await notify('2026-12-08T11:00:00Z')).toMatchObject({ sent: 0 })
    expect(mails.at(-1)!.subject).toBe('Review overdue: Falcon Insurance has waited 24 hours')
    expect(hooks).toEqual([
      {
        body: expect.objectContaining({
          event: 'review_overdue',
          tenant: 'acme',
          text: expect.stringContaining('Falcon'),
        }),
        delivery: expect.stringMatching(/^review_overdue:\d+$/),
        signatureOk: true,
      },
    ])
  })

  it('sends the daily digest as one message of what waited', async () => {
    expect(await notify('2026-12-08T18:00:00Z', { digest: true })).toMatchObject({ digests: 1, sent: 1 })
    expect(hooks.at(-1)!.body.text).toMatch(/daily digest: 1 update[\s\S]*Zenara Capital is now approved/)
    expect(await notify('2026-12-08T18:05:00Z', { digest: true })).toMatchObject({ digests: 0, sent: 0 })
  })

  it('gets a message to a webhook receiver that was down once it is back, with backoff meanwhile', async () => {
    await stopReceiver()
    await db.sql`
      insert into ops.jobs (job_id, tenant_id, kind, status, last_error, finished_at)
      values (gen_random_uuid(), 'acme', 'sync', 'failed', 'source "odoo" is unreachable', '2026-12-08T19:00:00Z')`
    const down = await notify('2026-12-08T19:01:00Z')
    expect(down).toMatchObject({ sent: 1, retrying: 1 }) // the mail went; the webhook did not
    const [waiting] = await db.sql`
      select status, attempts, next_attempt_at, last_error from ops.notifications where channel = 'slack' and event = 'run_failed'`
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: new Date('2026-12-08T19:02:00Z'),
    })
    expect(await notify('2026-12-08T19:01:30Z')).toMatchObject({ sent: 0, retrying: 0 }) // not due yet
    expect(await notify('2026-12-08T19:02:00Z')).toMatchObject({ retrying: 1 }) // still down: 2 minutes next
    await startReceiver()
    expect(await notify('2026-12-08T19:04:00Z')).toMatchObject({ sent: 1 })
    expect(hooks.at(-1)).toMatchObject({ body: { event: 'run_failed' }, signatureOk: true })
  })

  it('sends at most once more when a worker dies between sending and recording, with the same delivery id', async () => {
    const before = hooks.length
    await db.sql`
      insert into ops.data_quality_issues (tenant_id, kind, severity, source, table_name, source_pk, detail)
      select 'acme', 'placeholder_name', 'warning', 'odoo', 'crm_lead', g::text, '{}' from generate_series(1, 40) g`
    // The worker sends, then dies before recording: nothing of that run executes after the send (its
    // promise is abandoned, never settled), so its claim stays `sending`.
    let sentOnce!: () => void
    const delivered = new Promise<void>((resolve) => (sentOnce = resolve))
    void notify('2026-12-08T20:00:00Z', {
      send: async (channel, message) => {
        await sendMessage(channel, message)
        sentOnce()
        await new Promise(() => {})
      },
    })
    await delivered
    const [claim] =
      await db.sql`select status, attempts from ops.notifications where event = 'data_quality_jump'`
    expect(claim).toEqual({ status: 'sending', attempts: 1 })
    expect(await notify('2026-12-08T20:05:00Z')).toMatchObject({ sent: 0 }) // the claim is not stale yet
    expect(await notify('2026-12-08T20:11:00Z')).toMatchObject({ sent: 1 }) // stale: sent again, once
    expect(await notify('2026-12-08T20:30:00Z')).toMatchObject({ sent: 0 })
    const jumps = hooks.slice(before).filter((h) => h.body.event === 'data_quality_jump')
    expect(jumps).toHaveLength(2)
    expect(new Set(jumps.map((h) => h.delivery)).size).toBe(1)
  })

  it('holds a channel to its hourly rate; the rest wait for the next hour', async () => {
    for (let i = 0; i < 4; i++)
      await db.sql`
        insert into ops.jobs (job_id, tenant_id, kind, status, last_error, finished_at)
        values (gen_random_uuid(), 'acme', 'pipeline', 'failed', 'boom', '2026-12-08T21:00:00Z')`
    const burst = await notify('2026-12-08T21:01:00Z')
    // slack allows 3 an hour and already sent 1 in the last hour (the data-quality jump at 20:11).
    expect(burst.rateLimited).toBeGreaterThan(0)
    const [{ sent }] = (await db.sql`
      select count(*)::int as sent from ops.notifications
      where channel = 'slack' and status = 'sent' and sent_at > '2026-12-08T20:01:00Z'`) as unknown as [
      { sent: number },
    ]
    expect(sent).toBe(3)
    expect(await notify('2026-12-08T23:00:00Z')).toMatchObject({ rateLimited: 0 })
  })

  it('refuses a channel that cannot work when the configuration loads, naming it', () => {
    expect(() => loadTenantFromText(tenantYaml(CHANNELS), { ...env(), HOOK_SECRET: undefined })).toThrow(
      /channel "slack" needs HOOK_SECRET/,
    )
    expect(() => loadTenantFromText(tenantYaml(CHANNELS), { ...env(), SMTP_URL: 'mail.example' })).toThrow(
      ConfigError,
    )
    expect(() =>
      loadTenantFromText(tenantYaml('    - { name: x, kind: pager, events: [run_failed] }\n'), env()),
    ).toThrow(/kind/)
    expect(() =>
      loadTenantFromText(
        tenantYaml(
          '    - { name: x, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_SECRET, events: [sunrise] }\n',
        ),
        env(),
      ),
    ).toThrow(/events/)
  })
})
