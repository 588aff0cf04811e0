// The outbox as the API lists it: what was sent, what is pending or waiting for the digest, what failed.
import type { Sql } from '@revops/db'

export const NOTIFICATION_STATUSES = ['digest', 'pending', 'sending', 'sent', 'failed', 'digested'] as const
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

export interface NotificationView {
  notification_id: string
  channel: string
  event: string
  subject: string
  body: string
  status: NotificationStatus
  attempts: number
  last_error: string | null
  next_attempt_at: string
  created_at: string
  sent_at: string | null
}

export async function listNotifications(
  sql: Sql,
  tenantId: string,
  filter: { statuses?: readonly NotificationStatus[]; limit?: number; before?: string } = {},
): Promise<NotificationView[]> {
  return sql<NotificationView[]>`
    select notification_id::text, channel, event, subject, body, status, attempts, last_error, next_attempt_at,
           created_at, sent_at
    from ops.notifications
    where tenant_id = ${tenantId}
      ${filter.statuses && filter.statuses.length > 0 ? sql`and status = any(${filter.statuses as string[]})` : sql``}
      ${filter.before ? sql`and notification_id < ${filter.before}` : sql``}
    order by notification_id desc
    limit ${filter.limit ?? 100}`
}
