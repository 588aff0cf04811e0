// The view's figures per period (the chart as a table): what the drill-down ends on for a service or
// product, and the text alternative of the chart everywhere. Restated periods carry their mark.
import { For, Show } from 'solid-js'
import { FigureCells } from './BreakdownTable.tsx'
import type { BillingTimeseries } from './cost.ts'
import { GRANULARITY_LABELS } from './cost-labels.ts'
import { formatPeriod, partialPeriod } from './cost-periods.ts'

export function PeriodTable(props: { series: BillingTimeseries; title: string }) {
  const currency = () => props.series.context.currency
  return (
    <div class="table-wrap">
      <table class="cost-table" aria-label={props.title} data-testid="periods">
        <thead>
          <tr>
            <th scope="col">{GRANULARITY_LABELS[props.series.granularity]}</th>
            <th scope="col" class="num">
              AWS cost
            </th>
            <th scope="col" class="num">
              Invoiced
            </th>
            <th scope="col" class="num">
              Margin
            </th>
            <th scope="col" class="num">
              Margin %
            </th>
            <th scope="col">Restated</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.series.totals}>
            {(point) => (
              <tr
                data-testid="period-row"
                data-period={point.period}
                classList={{ 'negative-row': point.negative, 'restated-row': point.restated }}
              >
                <th scope="row" data-col="label" class="period">
                  {formatPeriod(point.period)}
                  <Show when={partialPeriod(point)}>
                    {(part) => <span class="period-part">{part()}</span>}
                  </Show>
                </th>
                <FigureCells figures={point} currency={currency()} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}
