// Stage `notify`: collect what happened into the outbox, bundle the daily digests when asked (the
// tenant's `digest` schedule), and deliver what is due. A tenant without channels still has its events
// read (so the collectors' positions move), but nothing is kept or sent.
import { z } from 'zod'
import { defineStage, type StageContext } from '../stage/stage.ts'
import { collectEvents } from './collect-events.ts'
import { type DeliveryReport, deliverMessages } from './deliver-messages.ts'
import { addToOutbox, buildDigests } from './outbox.ts'
import { type SendMessage, sendMessage } from './send-message.ts'

export interface NotifyReport extends DeliveryReport {
  events: number
  queued: number
  digests: number
}

export interface RunNotificationsOptions {
  digest?: boolean
  now?: Date
  send?: SendMessage
}

export const notifyStage = defineStage({
  name: 'notify',
  description:
    'notify the tenant’s channels of changed decisions, overdue reviews, failed runs, data-quality jumps',
  options: z.object({ digest: z.boolean().default(false) }),
  run: (context, options): Promise<NotifyReport> => runNotifications(context, options),
})

/** The stage's work, with the clock and the sender injectable (tests). */
export async function runNotifications(
  context: StageContext,
  options: RunNotificationsOptions = {},
): Promise<NotifyReport> {
  const { tenant } = context
  const sql = context.db.sql
  const tenantId = tenant.config.tenant_id
  const now = options.now ?? new Date()
  const channels = tenant.channels ?? []
  const events = await collectEvents(sql, { tenantId, config: tenant.config.notifications, now })
  const queued = await addToOutbox(sql, tenantId, channels, events, now)
  const digests = options.digest ? await buildDigests(sql, tenantId, channels, now) : 0
  const delivery = await deliverMessages(sql, {
    tenantId,
    channels,
    send: options.send ?? sendMessage,
    now,
    log: context.log,
  })
  return { events: events.length, queued, digests, ...delivery }
}
