// The outbox: one message per channel that subscribes to an event, keyed by the event's idempotency key
// (inserting it again adds nothing). A digest channel's messages wait for the digest.
import type { Sql } from '@revops/db'
import type { ResolvedChannel } from '../config/load-tenant-config.ts'
import type { CollectedEvent } from './collect-events.ts'

export async function addToOutbox(
  sql: Sql,
  tenantId: string,
  channels: readonly ResolvedChannel[],
  events: readonly CollectedEvent[],
  now: Date,
): Promise<number> {
  const rows = channels.flatMap((channel) =>
    events
      .filter((event) => channel.events.includes(event.event))
      .map((event) => ({
        tenant_id: tenantId,
        channel: channel.name,
        event: event.event,
        idempotency_key: event.key,
        subject: event.subject,
        body: event.body,
        details: event.details,
        status: channel.digest === 'daily' ? 'digest' : 'pending',
        next_attempt_at: now,
      })),
  )
  if (rows.length === 0) return 0
  const added = await sql`
    insert into ops.notifications (tenant_id, channel, event, idempotency_key, subject, body, details, status, next_attempt_at)
    select tenant_id, channel, event, idempotency_key, subject, body, details, status, next_attempt_at
    from jsonb_to_recordset(${sql.json(rows as never)}) as x(
      tenant_id text, channel text, event text, idempotency_key text, subject text, body text, details jsonb,
      status text, next_attempt_at timestamptz)
    on conflict (tenant_id, channel, idempotency_key) do nothing`
  return added.count
}

/** Bundles each digest channel's waiting messages into one message for the day (once per day). */
export async function buildDigests(
  sql: Sql,
  tenantId: string,
  channels: readonly ResolvedChannel[],
  now: Date,
): Promise<number> {
  let built = 0
  const day = now.toISOString().slice(0, 10)
  for (const channel of channels.filter((c) => c.digest === 'daily')) {
    built += await sql.begin(async (tx) => {
      const waiting = await tx<{ notification_id: string; subject: string }[]>`
        select notification_id::text, subject from ops.notifications
        where tenant_id = ${tenantId} and channel = ${channel.name} and status = 'digest'
        order by notification_id for update`
      if (waiting.length === 0) return 0
      const [digest] = await tx<{ notification_id: string }[]>`
        insert into ops.notifications (tenant_id, channel, event, idempotency_key, subject, body, details, status, next_attempt_at)
        values (${tenantId}, ${channel.name}, 'digest', ${`digest:${day}:${waiting.at(-1)!.notification_id}`},
                ${`RevOps POD daily digest: ${waiting.length} update${waiting.length === 1 ? '' : 's'}`},
                ${waiting.map((w) => `• ${w.subject}`).join('\n')},
                ${tx.json({ count: waiting.length } as never)}, 'pending', ${now})
        on conflict (tenant_id, channel, idempotency_key) do nothing
        returning notification_id::text`
      if (!digest) return 0
      await tx`
        update ops.notifications set status = 'digested', digest_id = ${digest.notification_id}
        where notification_id = any(${waiting.map((w) => w.notification_id)}::bigint[])`
      return 1
    })
  }
  return built
}
