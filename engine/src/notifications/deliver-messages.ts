// Delivers the due messages of a tenant: each is claimed in a transaction of its own (status `sending`,
// attempts + 1) before it is sent and recorded after, so two workers never send one message and a worker
// killed mid-send leaves a claim that goes stale and is sent again (at most once more per crash).
// Failures retry with exponential backoff; a channel over its hourly rate waits.
import type { Sql } from '@revops/db'
import type { ResolvedChannel } from '../config/load-tenant-config.ts'
import { coerceError } from '../shared/errors.ts'
import { type Logger, silentLogger } from '../shared/logger.ts'
import type { SendMessage } from './send-message.ts'

export interface DeliverOptions {
  tenantId: string
  channels: readonly ResolvedChannel[]
  send: SendMessage
  now: Date
  /** A claim older than this is taken to be a crashed sender's. */
  staleClaimMinutes?: number
  maxAttempts?: number
  log?: Logger
}

export interface DeliveryReport {
  sent: number
  retrying: number
  failed: number
  rateLimited: number
}

export async function deliverMessages(sql: Sql, options: DeliverOptions): Promise<DeliveryReport> {
  const log = options.log ?? silentLogger
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, rateLimited: 0 }
  const maxAttempts = options.maxAttempts ?? 8
  for (const channel of options.channels) {
    for (;;) {
      const [rate] = await sql<{ recent: number }[]>`
        select count(*)::int as recent from ops.notifications
        where tenant_id = ${options.tenantId} and channel = ${channel.name} and status = 'sent'
          and sent_at > ${options.now}::timestamptz - interval '1 hour'`
      if (rate!.recent >= channel.max_per_hour) {
        const [held] = await sql<{ waiting: number }[]>`
          select count(*)::int as waiting from ops.notifications
          where tenant_id = ${options.tenantId} and channel = ${channel.name} and status = 'pending'
            and next_attempt_at <= ${options.now}`
        report.rateLimited += held!.waiting
        break
      }
      const [message] = await sql<
        {
          notification_id: string
          idempotency_key: string
          event: string
          subject: string
          body: string
          details: Record<string, unknown>
          attempts: number
        }[]
      >`
        update ops.notifications set status = 'sending', attempts = attempts + 1, claimed_at = ${options.now}
        where notification_id = (
          select notification_id from ops.notifications
          where tenant_id = ${options.tenantId} and channel = ${channel.name}
            and ((status = 'pending' and next_attempt_at <= ${options.now})
              or (status = 'sending' and claimed_at <= ${options.now}::timestamptz - make_interval(mins => ${options.staleClaimMinutes ?? 10})))
          order by notification_id limit 1 for update skip locked)
        returning notification_id::text, idempotency_key, event, subject, body, details, attempts`
      if (!message) break
      try {
        await options.send(channel, {
          tenantId: options.tenantId,
          deliveryId: message.idempotency_key,
          event: message.event,
          subject: message.subject,
          body: message.body,
          details: message.details,
        })
        await sql`
          update ops.notifications set status = 'sent', sent_at = ${options.now}, last_error = null
          where notification_id = ${message.notification_id}`
        report.sent++
      } catch (thrown) {
        const error = coerceError(thrown).message
        const final = message.attempts >= maxAttempts
        // 1, 2, 4, … minutes, at most 6 hours apart.
        const backoffMinutes = Math.min(2 ** (message.attempts - 1), 360)
        await sql`
          update ops.notifications
          set status = ${final ? 'failed' : 'pending'}, last_error = ${error},
              next_attempt_at = ${options.now}::timestamptz + make_interval(mins => ${backoffMinutes})
          where notification_id = ${message.notification_id}`
        log.warn(
          `notification ${message.notification_id} to ${channel.name}: ${error}${final ? ' (giving up)' : ''}`,
        )
        if (final) report.failed++
        else report.retrying++
      }
    }
  }
  return report
}
