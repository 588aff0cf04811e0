// Opportunities by source and stage: one bar chart per system (their stages differ).
import type { ChartConfiguration } from 'chart.js'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatNumber } from '../../lib/format.ts'
import { COLORS } from '../../lib/labels.ts'
import { ChartCanvas } from '../../ui/ChartCanvas.tsx'
import { EmptyState } from '../../ui/States.tsx'

type Dashboard = Schemas['Dashboard']

export const STAGE_CHART_HEIGHT = 240

const SOURCES = [
  { source: 'ace', label: 'ACE (AWS Partner Central)', color: COLORS.ace },
  { source: 'odoo', label: 'Odoo CRM', color: COLORS.odoo },
] as const

export function StageCharts(props: { dashboard: Dashboard | undefined }) {
  const rows = (source: 'ace' | 'odoo') =>
    (props.dashboard?.opportunities.by_source_stage ?? []).filter((row) => row.source === source)
  const config = (source: (typeof SOURCES)[number]) => (): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: rows(source.source).map((row) => row.stage ?? '(no stage)'),
      datasets: [
        {
          label: source.label,
          data: rows(source.source).map((row) => row.count),
          backgroundColor: source.color,
          maxBarThickness: 18,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
    },
  })
  return (
    <div class="grid grid-2" style={{ 'margin-bottom': '0' }}>
      <For each={SOURCES}>
        {(source) => (
          <div>
            <h3 style={{ 'margin-bottom': '8px' }}>
              {source.label}{' '}
              <span class="muted">
                · {formatNumber(rows(source.source).reduce((sum, row) => sum + row.count, 0))}
              </span>
            </h3>
            <Show
              when={rows(source.source).length > 0}
              fallback={
                <div style={{ height: `${STAGE_CHART_HEIGHT}px` }}>
                  <EmptyState title="No opportunities">Nothing synced from this source yet.</EmptyState>
                </div>
              }
            >
              <ChartCanvas
                config={config(source)}
                height={STAGE_CHART_HEIGHT}
                label={`${source.label} opportunities by stage: ${rows(source.source)
                  .map((row) => `${row.stage ?? 'no stage'} ${row.count}`)
                  .join(', ')}`}
              />
            </Show>
          </div>
        )}
      </For>
    </div>
  )
}
