// Open data-quality issues found by normalisation, worst first.
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDateTime, formatNumber, formatRelative, humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'

type Dashboard = Schemas['Dashboard']

const SEVERITY_TONE = { error: 'reject', warning: 'review', info: 'info' } as const

export function DataQualityTable(props: { dashboard: Dashboard | undefined; limit?: number }) {
  const groups = () => props.dashboard?.data_quality.groups ?? []
  const shown = () => groups().slice(0, props.limit ?? 8)
  return (
    <Show
      when={groups().length > 0}
      fallback={<EmptyState title="No open issues">Every normalised record passed its checks.</EmptyState>}
    >
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Issue</th>
              <th>Severity</th>
              <th>Where</th>
              <th class="num">Records</th>
              <th>Last seen</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(group) => (
                <tr>
                  <td>{humanize(group.kind)}</td>
                  <td>
                    <span class={`badge ${SEVERITY_TONE[group.severity]}`}>{humanize(group.severity)}</span>
                  </td>
                  <td class="mono">
                    {group.source}.{group.table}
                  </td>
                  <td class="num">{formatNumber(group.count)}</td>
                  <td class="muted nowrap" title={formatDateTime(group.last_detected_at)}>
                    {formatRelative(group.last_detected_at)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={groups().length > shown().length}>
        <div class="table-footer">
          {formatNumber(groups().length - shown().length)} more kinds of issue with fewer records
        </div>
      </Show>
    </Show>
  )
}
