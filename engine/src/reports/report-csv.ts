// The POD report as CSV: one row per ACE opportunity (section approved, in_review or rejected), its
// reasons, spend and link and what changed since the previous report, and one row per opportunity the
// previous report had that this one does not (section removed). Period and as-of date on every row.
import { type CsvCell, csvField } from '../shared/csv.ts'
import type { PodReport, ReportLine } from './pod-report.ts'

export const REPORT_CSV_COLUMNS = [
  'section',
  'ace_id',
  'customer',
  'title',
  'stage',
  'target_close_date',
  'outcome',
  'decided_by',
  'reviewer',
  'reviewed_at',
  'review_note',
  'reasons',
  'expected_monthly_spend_usd',
  'spend_month',
  'spend_usd',
  'spend_threshold_usd',
  'spend_vs_threshold',
  'odoo_lead_id',
  'link',
  'change_since_previous_report',
  'period',
  'as_of',
] as const

/** Columns of free text (names, notes, explanations): a leading `=`, `+`, `-` or `@` is neutralised. */
const TEXT_COLUMNS = new Set([
  'customer',
  'title',
  'reviewer',
  'review_note',
  'reasons',
  'change_since_previous_report',
])

function lineCells(report: PodReport, line: ReportLine): CsvCell[] {
  return [
    line.standing,
    line.ace_id,
    line.customer_name,
    line.title,
    line.stage,
    line.close_date,
    line.outcome,
    line.decided_by === 'person' ? 'person' : 'rules',
    line.review?.reviewer ?? null,
    line.review?.at ?? null,
    line.review?.note ?? null,
    line.reasons.map((reason) => `${reason.rule_id} (${reason.result}): ${reason.explanation}`).join(' | '),
    line.expected_monthly_spend,
    line.spend?.month ?? null,
    line.spend ? line.spend.amount : null,
    line.spend_threshold,
    line.spend_vs_threshold,
    line.link?.lead_id ?? null,
    line.link?.reason ?? null,
    line.change,
    report.period,
    report.as_of,
  ]
}

export function podReportCsv(report: PodReport): string {
  const rows: CsvCell[][] = report.lines.map((line) => lineCells(report, line))
  for (const change of report.changes.filter((c) => c.kinds.includes('gone'))) {
    const cells: CsvCell[] = REPORT_CSV_COLUMNS.map(() => null)
    cells[0] = 'removed'
    cells[1] = change.ace_id
    cells[REPORT_CSV_COLUMNS.indexOf('change_since_previous_report')] = change.description
    cells[REPORT_CSV_COLUMNS.indexOf('period')] = report.period
    cells[REPORT_CSV_COLUMNS.indexOf('as_of')] = report.as_of
    rows.push(cells)
  }
  const text = REPORT_CSV_COLUMNS.map((column) => TEXT_COLUMNS.has(column))
  const lines = [
    REPORT_CSV_COLUMNS.join(','),
    ...rows.map((row) => row.map((cell, index) => csvField(cell, text[index])).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}
