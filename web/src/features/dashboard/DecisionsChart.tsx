// Decisions by outcome over time: how the opportunities stood at the end of each day.
import type { ChartConfiguration } from 'chart.js'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDate, formatNumber } from '../../lib/format.ts'
import { OUTCOME_COLORS, OUTCOME_LABELS, OUTCOMES } from '../../lib/labels.ts'
import { ChartCanvas } from '../../ui/ChartCanvas.tsx'
import { EmptyState } from '../../ui/States.tsx'

type Dashboard = Schemas['Dashboard']

export const DECISIONS_CHART_HEIGHT = 220

export function DecisionsChart(props: { dashboard: Dashboard | undefined }) {
  const days = () => props.dashboard?.decisions.over_time ?? []
  const config = (): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: days().map((day) => formatDate(day.day)),
      datasets: OUTCOMES.map((outcome) => ({
        label: OUTCOME_LABELS[outcome],
        data: days().map((day) => day[outcome]),
        backgroundColor: OUTCOME_COLORS[outcome],
        maxBarThickness: 48,
      })),
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  })
  return (
    <Show
      when={days().length > 0}
      fallback={
        <div style={{ height: `${DECISIONS_CHART_HEIGHT + 28}px` }}>
          <EmptyState title="No decisions yet">
            The rules stage decides every ACE opportunity at the end of each pipeline run.
          </EmptyState>
        </div>
      }
    >
      <ChartCanvas
        config={config}
        height={DECISIONS_CHART_HEIGHT}
        label={`Opportunities by decision outcome per day over the last ${days().length} days`}
      />
      <ul class="legend" style={{ 'margin-top': '10px' }}>
        <For each={props.dashboard?.decisions.by_outcome ?? []}>
          {(row) => (
            <li class="legend-item">
              <span class="swatch" style={{ background: OUTCOME_COLORS[row.outcome] }} />
              {OUTCOME_LABELS[row.outcome]}: <strong>{formatNumber(row.count)}</strong>
              <Show when={row.approved + row.rejected > 0}>
                <span>
                  ({formatNumber(row.approved)} approved, {formatNumber(row.rejected)} rejected by reviewers)
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
