// The latest notifications the tenant's channels were sent (or are waiting to be, or failed).
import { createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDateTime, formatRelative, humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import { getNotifications } from './dashboard.ts'

type Notification = Schemas['Notification']

const STATUS_TONE: Record<Notification['status'], string> = {
  sent: 'approve',
  digested: 'approve',
  pending: 'review',
  sending: 'info',
  digest: 'info',
  failed: 'reject',
}

export function NotificationsList() {
  const page = createAsync(() => getNotifications())
  return (
    <Show
      when={(page()?.items ?? []).length > 0}
      fallback={
        <EmptyState title="No notifications">
          Channels (e-mail, Slack-style webhooks) are set in the tenant's <code>tenant.yaml</code> under{' '}
          <code>notifications</code>.
        </EmptyState>
      }
    >
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Channel</th>
              <th>Message</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            <For each={page()?.items}>
              {(notification) => (
                <tr title={notification.last_error ?? notification.body}>
                  <td class="nowrap" title={formatDateTime(notification.created_at)}>
                    {formatRelative(notification.created_at)}
                  </td>
                  <td>{notification.channel}</td>
                  <td>{notification.subject}</td>
                  <td class="nowrap">
                    <span class={`badge ${STATUS_TONE[notification.status]}`}>
                      {humanize(notification.status)}
                    </span>
                    <Show when={notification.status === 'pending' && notification.attempts > 0}>
                      {' '}
                      <span class="muted">retry {formatRelative(notification.next_attempt_at)}</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
