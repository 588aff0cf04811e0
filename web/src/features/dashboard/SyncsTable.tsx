// The last syncs of the source databases.
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDateTime, formatDuration, formatNumber, formatRelative, humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'

type Dashboard = Schemas['Dashboard']
type Sync = Dashboard['syncs'][number]

const STATUS_TONE: Record<Sync['status'], string> = {
  succeeded: 'approve',
  running: 'info',
  partial: 'review',
  failed: 'reject',
}

export function SyncsTable(props: { dashboard: Dashboard | undefined }) {
  const syncs = () => props.dashboard?.syncs ?? []
  const duration = (sync: Sync) =>
    sync.finished_at ? new Date(sync.finished_at).getTime() - new Date(sync.started_at).getTime() : null
  return (
    <Show
      when={syncs().length > 0}
      fallback={
        <EmptyState title="No syncs yet">The pipeline's first step mirrors the source databases.</EmptyState>
      }
    >
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Started</th>
              <th>Status</th>
              <th>Sources</th>
              <th class="num">Rows read</th>
              <th class="num">Changed</th>
              <th class="num">Took</th>
            </tr>
          </thead>
          <tbody>
            <For each={syncs()}>
              {(sync) => (
                <tr title={sync.error ?? undefined}>
                  <td class="nowrap" title={formatDateTime(sync.started_at)}>
                    {formatRelative(sync.started_at)}
                  </td>
                  <td>
                    <span class={`badge ${STATUS_TONE[sync.status]}`}>{humanize(sync.status)}</span>
                  </td>
                  <td>
                    {sync.sources.join(', ')} <span class="muted">({sync.mode})</span>
                  </td>
                  <td class="num">{formatNumber(sync.rows_read)}</td>
                  <td class="num">{formatNumber(sync.rows_changed)}</td>
                  <td class="num">{formatDuration(duration(sync))}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
