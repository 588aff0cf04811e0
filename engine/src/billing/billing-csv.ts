// CSV exports of exactly what a Cost Explorer view returned: the same rows, the same exact decimals, and
// on every row the currency and the bases, so a spreadsheet never loses what the numbers mean.

import { type CsvCell, csvField } from '../shared/csv.ts'
import type { BillingFigures } from './billing-figures.ts'
import type { BillingContext } from './prepare-billing-query.ts'
import type { BillingBreakdown } from './read-billing-breakdown.ts'
import type { BillingSummary } from './read-billing-summary.ts'
import type { BillingTimeseries } from './read-billing-timeseries.ts'

type Cell = CsvCell

const FIGURE_COLUMNS = [
  'cost',
  'invoice',
  'margin',
  'margin_pct',
  'negative',
  'restated',
  'restated_months',
  'restated_cost',
  'gross',
  'credits',
  'refunds',
  'partner_discounts',
]
const CONTEXT_COLUMNS = [
  'range_from',
  'range_to',
  'currency',
  'cost_basis',
  'invoice_basis',
  'cost_attribution',
  'invoice_attribution',
]

function figureCells(figures: BillingFigures): Cell[] {
  return [
    figures.cost,
    figures.invoice,
    figures.margin,
    figures.margin_pct,
    figures.negative,
    figures.restated,
    figures.restated_months,
    figures.restated_cost,
    figures.components.gross,
    figures.components.credits,
    figures.components.refunds,
    figures.components.partner_discounts,
  ]
}

function contextCells(context: BillingContext): Cell[] {
  return [
    context.period.from,
    context.period.to,
    context.currency,
    context.basis,
    context.invoice_basis,
    context.attribution.cost,
    context.attribution.invoice,
  ]
}

function csv(header: string[], rows: Cell[][], textColumns: ReadonlySet<number>): string {
  const lines = [
    header.join(','),
    ...rows.map((row) => row.map((v, i) => csvField(v, textColumns.has(i))).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}

export function summaryCsv(summary: BillingSummary): string {
  const { context } = summary
  return csv(
    [...FIGURE_COLUMNS, ...CONTEXT_COLUMNS],
    [[...figureCells(summary.totals), ...contextCells(context)]],
    new Set(),
  )
}

/** Split series (with `Other`) when split, else the totals; one row per series and period. */
export function timeseriesCsv(series: BillingTimeseries): string {
  const rows: Cell[][] = []
  const lines =
    series.series.length > 0
      ? series.series
      : [{ key: null, label: 'Total', aws_account_id: null, other: false, points: series.totals }]
  for (const line of lines) {
    for (const point of line.points)
      rows.push([
        point.period,
        point.from,
        point.to,
        line.key,
        line.label,
        line.aws_account_id,
        ...figureCells(point),
        ...contextCells(series.context),
      ])
  }
  return csv(
    [
      'period',
      'from',
      'to',
      'series_key',
      'series_label',
      'aws_account_id',
      ...FIGURE_COLUMNS,
      ...CONTEXT_COLUMNS,
    ],
    rows,
    new Set([3, 4]),
  )
}

/** The groups in their order, then `Other` (when there is one) and `Total`. */
export function breakdownCsv(breakdown: BillingBreakdown): string {
  const { context } = breakdown
  const rows: Cell[][] = breakdown.groups.map((group) => [
    group.rank,
    group.key,
    group.label,
    group.aws_account_id,
    group.customer_id,
    ...figureCells(group),
    ...contextCells(context),
  ])
  if (breakdown.other)
    rows.push([
      null,
      null,
      `Other (${breakdown.other.groups})`,
      null,
      null,
      ...figureCells(breakdown.other),
      ...contextCells(context),
    ])
  rows.push([null, null, 'Total', null, null, ...figureCells(breakdown.total), ...contextCells(context)])
  return csv(
    [
      'rank',
      breakdown.group_by,
      'label',
      'aws_account_id',
      'customer_id',
      ...FIGURE_COLUMNS,
      ...CONTEXT_COLUMNS,
    ],
    rows,
    new Set([1, 2]),
  )
}
