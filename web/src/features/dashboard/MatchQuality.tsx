// Match quality: the share of ACE opportunities auto-linked to Odoo, in review and unmatched.
import type { ChartConfiguration } from 'chart.js'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatNumber, formatShare } from '../../lib/format.ts'
import { COLORS } from '../../lib/labels.ts'
import { ChartCanvas } from '../../ui/ChartCanvas.tsx'
import { EmptyState } from '../../ui/States.tsx'

type Dashboard = Schemas['Dashboard']

export const MATCH_CHART_HEIGHT = 200

export function MatchQuality(props: { dashboard: Dashboard | undefined }) {
  const quality = () => props.dashboard?.match_quality
  const slices = () => {
    const q = quality()
    if (!q) return []
    return [
      { label: 'Auto-linked', value: q.auto_linked, color: COLORS.approve, href: null },
      { label: 'In review', value: q.in_review, color: COLORS.review, href: null },
      { label: 'Unmatched', value: q.unmatched, color: COLORS.neutral, href: null },
    ]
  }
  const config = (): ChartConfiguration<'doughnut'> => ({
    type: 'doughnut',
    data: {
      labels: slices().map((s) => s.label),
      datasets: [{ data: slices().map((s) => s.value), backgroundColor: slices().map((s) => s.color) }],
    },
    options: { cutout: '62%', plugins: { legend: { display: false } } },
  })
  return (
    <Show
      when={(quality()?.ace_total ?? 0) > 0}
      fallback={
        <div style={{ height: `${MATCH_CHART_HEIGHT + 28}px` }}>
          <EmptyState title="Nothing matched yet">
            ACE opportunities appear here once they are synced.
          </EmptyState>
        </div>
      }
    >
      <div
        style={{
          display: 'grid',
          'grid-template-columns': '200px minmax(0, 1fr)',
          gap: '24px',
          'align-items': 'center',
        }}
      >
        <ChartCanvas
          config={config}
          height={MATCH_CHART_HEIGHT}
          label={`Match quality of ${quality()?.ace_total} ACE opportunities`}
        />
        <table aria-label="Match quality">
          <thead>
            <tr>
              <th>Link</th>
              <th class="num">Opportunities</th>
              <th class="num">Share</th>
            </tr>
          </thead>
          <tbody>
            <For each={slices()}>
              {(slice) => (
                <tr>
                  <td>
                    <span class="legend-item">
                      <span class="swatch" style={{ background: slice.color }} />
                      {slice.label}
                    </span>
                  </td>
                  <td class="num">{formatNumber(slice.value)}</td>
                  <td class="num">{formatShare(slice.value, quality()?.ace_total ?? 0)}</td>
                </tr>
              )}
            </For>
            <tr>
              <td class="nowrap">Confirmed by reviewers</td>
              <td class="num">{formatNumber(quality()?.confirmed)}</td>
              <td class="num">{formatShare(quality()?.confirmed ?? 0, quality()?.ace_total ?? 0)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
