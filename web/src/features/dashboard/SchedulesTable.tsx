// The tenant's schedules: what runs by itself, when it last ran and how that ended, and when it runs next.
import { createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDateTime, formatRelative, humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import { getSchedules } from './dashboard.ts'

type Schedule = Schemas['Schedule']

const OUTCOME_TONE: Record<string, string> = {
  succeeded: 'approve',
  running: 'info',
  queued: 'info',
  joined: 'review',
  failed: 'reject',
}

export function SchedulesTable() {
  const schedules = createAsync(() => getSchedules())
  return (
    <Show
      when={(schedules() ?? []).length > 0}
      fallback={
        <EmptyState title="No schedules">
          Nothing runs by itself yet: add <code>schedules</code> to the tenant's <code>tenant.yaml</code>{' '}
          (cron and time zone).
        </EmptyState>
      }
    >
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Schedule</th>
              <th>When</th>
              <th>Last run</th>
              <th>Next run</th>
            </tr>
          </thead>
          <tbody>
            <For each={schedules()}>
              {(schedule: Schedule) => (
                <tr title={schedule.last_error ?? undefined}>
                  <td>
                    {schedule.name} <span class="muted">({humanize(schedule.task)})</span>
                  </td>
                  <td class="nowrap">
                    <code>{schedule.cron}</code> <span class="muted">{schedule.timezone}</span>
                  </td>
                  <td class="nowrap">
                    <Show when={schedule.last_run_at} fallback={<span class="muted">not yet</span>}>
                      <span title={formatDateTime(schedule.last_run_at)}>
                        {formatRelative(schedule.last_run_at)}
                      </span>{' '}
                      <Show when={schedule.last_outcome}>
                        {(outcome) => (
                          <span class={`badge ${OUTCOME_TONE[outcome()] ?? 'info'}`}>
                            {humanize(outcome())}
                          </span>
                        )}
                      </Show>
                    </Show>
                  </td>
                  <td class="nowrap">
                    <Show when={schedule.enabled} fallback={<span class="muted">paused</span>}>
                      <span title={formatDateTime(schedule.next_run_at)}>
                        {formatRelative(schedule.next_run_at)}
                      </span>
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
