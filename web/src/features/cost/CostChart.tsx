// AWS cost against what was invoiced, per period (bars side by side), with the margin as a line.
// Periods restated after invoicing are shaded and marked ⟳ on the axis; the legend says so in words.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js'
import { Show } from 'solid-js'
import { formatMoney, formatMoneyCompact } from '../../lib/format.ts'
import { ChartCanvas } from '../../ui/ChartCanvas.tsx'
import { EmptyState } from '../../ui/States.tsx'
import type { BillingTimePoint, BillingTimeseries } from './cost.ts'
import { COST_BASIS_LABELS, COST_COLORS, GRANULARITY_ADVERBS, INVOICE_BASIS_LABELS } from './cost-labels.ts'
import { formatPeriod, formatPeriodRange, partialPeriod } from './cost-periods.ts'

export const COST_CHART_HEIGHT = 330
/** The chart and its legend: what the placeholders reserve. */
export const COST_CHART_BOX = COST_CHART_HEIGHT + 40

interface RestatedOptions {
  periods: boolean[]
}

/** Shades the restated periods behind the bars (options.plugins.restated.periods, one flag per label). */
const restatedShading: Plugin<'bar'> = {
  id: 'restated',
  beforeDatasetsDraw(chart: Chart) {
    const options = (chart.options.plugins as Record<string, unknown>).restated as RestatedOptions | undefined
    const x = chart.scales.x
    if (!options || !x) return
    const { ctx, chartArea } = chart
    const step = (x.width || 0) / Math.max(1, chart.data.labels?.length ?? 1)
    ctx.save()
    options.periods.forEach((restated, index) => {
      if (!restated) return
      const center = x.getPixelForValue(index)
      ctx.fillStyle = COST_COLORS.restated
      ctx.fillRect(center - step / 2, chartArea.top, step, chartArea.bottom - chartArea.top)
      ctx.fillStyle = COST_COLORS.restatedLine
      ctx.font = '600 13px system-ui, sans-serif'
      ctx.textAlign = 'center'
      ctx.textBaseline = 'bottom'
      ctx.fillText('⟳', center, chartArea.top - 2)
    })
    ctx.restore()
  },
}

export function CostChart(props: { series: BillingTimeseries }) {
  const points = () => props.series.totals
  const context = () => props.series.context
  const currency = () => context().currency
  const hasCost = () => context().attribution.cost !== 'unavailable'
  const hasInvoice = () => context().attribution.invoice !== 'unavailable'
  const isEmpty = () =>
    points().every((point) => Number(point.cost ?? 0) === 0 && Number(point.invoice ?? 0) === 0)
  const restated = () => points().filter((point) => point.restated)
  const label = (point: BillingTimePoint) =>
    `${formatPeriod(point.period)}${partialPeriod(point) ? '*' : ''}${point.restated ? ' ⟳' : ''}`

  const config = (): ChartConfiguration<'bar' | 'line'> => {
    const datasets: ChartConfiguration<'bar' | 'line'>['data']['datasets'] = []
    if (hasCost())
      datasets.push({
        type: 'bar',
        label: `AWS cost (${COST_BASIS_LABELS[context().basis]})`,
        data: points().map((point) => Number(point.cost ?? 0)),
        backgroundColor: COST_COLORS.cost,
        maxBarThickness: 36,
        order: 2,
      })
    if (hasInvoice())
      datasets.push({
        type: 'bar',
        label: `Invoiced (${INVOICE_BASIS_LABELS[context().invoice_basis]})`,
        data: points().map((point) => Number(point.invoice ?? 0)),
        backgroundColor: COST_COLORS.invoice,
        maxBarThickness: 36,
        order: 2,
      })
    if (hasCost() && hasInvoice())
      datasets.push({
        type: 'line',
        label: 'Margin',
        data: points().map((point) => Number(point.margin ?? 0)),
        borderColor: COST_COLORS.margin,
        backgroundColor: COST_COLORS.margin,
        pointBackgroundColor: points().map((point) =>
          point.negative ? COST_COLORS.negative : COST_COLORS.margin,
        ),
        pointStyle: points().map((point) => (point.negative ? 'triangle' : 'circle')),
        pointRadius: points().map((point) => (point.negative ? 5 : 3)),
        borderWidth: 2,
        order: 1,
      })
    return {
      type: 'bar',
      data: { labels: points().map(label), datasets },
      options: {
        interaction: { mode: 'index', intersect: false },
        // Room above the plot for the ⟳ marks.
        layout: { padding: { top: 18 } },
        plugins: {
          legend: { display: false },
          // @ts-expect-error: the options of the inline plugin above
          restated: { periods: points().map((point) => point.restated) },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${formatMoney(item.parsed.y, currency())}`,
              afterBody: (items) => {
                const point = points()[items[0]?.dataIndex ?? -1]
                if (!point?.restated) return []
                return [
                  `⟳ Restated after invoicing: ${formatMoney(point.restated_cost, currency())} written late`,
                ]
              },
            },
          },
        },
        scales: {
          x: { grid: { display: false } },
          y: { ticks: { callback: (value) => formatMoneyCompact(Number(value), currency()) } },
        },
      },
      plugins: [restatedShading as Plugin<'bar' | 'line'>],
    }
  }

  const description = () => {
    const range = formatPeriodRange(context().period.from, context().period.to)
    const marked = restated().map((point) => formatPeriod(point.period))
    return `AWS cost and invoiced ${GRANULARITY_ADVERBS[props.series.granularity]}, ${range}${
      marked.length ? `; restated after invoicing: ${marked.join(', ')}` : ''
    }. The same figures are in the table "Per period".`
  }

  return (
    <Show
      when={!isEmpty()}
      fallback={
        <div style={{ height: `${COST_CHART_BOX}px` }}>
          <EmptyState title="No AWS cost or invoices in this period">
            Nothing was charged or invoiced for this selection in{' '}
            {formatPeriodRange(context().period.from, context().period.to)}. Choose a wider period or other
            accounts.
          </EmptyState>
        </div>
      }
    >
      <div data-testid="cost-chart">
        <ChartCanvas config={config} height={COST_CHART_HEIGHT} label={description()} />
        <ul class="legend cost-legend">
          <Show when={hasCost()}>
            <li class="legend-item">
              <span class="swatch" style={{ background: COST_COLORS.cost }} />
              AWS cost · {COST_BASIS_LABELS[context().basis]}
            </li>
          </Show>
          <Show when={hasInvoice()}>
            <li class="legend-item">
              <span class="swatch" style={{ background: COST_COLORS.invoice }} />
              Invoiced · {INVOICE_BASIS_LABELS[context().invoice_basis]}
            </li>
          </Show>
          <Show when={hasCost() && hasInvoice()}>
            <li class="legend-item">
              <span class="swatch line" style={{ background: COST_COLORS.margin }} />
              Margin (red <span aria-hidden="true">▲</span> where negative)
            </li>
          </Show>
          <Show when={restated().length > 0}>
            <li class="legend-item" data-testid="chart-restated">
              <span class="swatch restated" />⟳ Restated after invoicing:{' '}
              {restated()
                .map((point) => formatPeriod(point.period))
                .join(', ')}
            </li>
          </Show>
        </ul>
      </div>
    </Show>
  )
}
