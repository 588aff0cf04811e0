// The kept reports, newest first: the month and the day it reads the decisions as of, who made it, its
// figures, and its page (in the viewer, or saved as HTML) and CSV. A month made again is another row.
import { A, createAsync } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import { changesLabel, periodLabel, requesterLabel } from './report-labels.ts'
import { downloadReport, listReports, type Report } from './reports.ts'

export function ReportsTable() {
  const reports = createAsync(() => listReports())
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null)
  const save = async (report: Report, format: 'html' | 'csv') => {
    setMessage(null)
    try {
      setMessage({ text: `Downloaded ${await downloadReport(report.report_id, format)}`, error: false })
    } catch (error) {
      setMessage({ text: `The download failed: ${(error as Error).message}`, error: true })
    }
  }
  return (
    <Show
      when={(reports()?.items ?? []).length > 0}
      fallback={
        <EmptyState title="No reports yet">
          The monthly POD report is made on the 1st by the tenant's schedule (<code>task: report</code> in its{' '}
          <code>tenant.yaml</code>), or now with <strong>Make report now</strong>. Each is kept with the day
          it reads the decisions as of.
        </EmptyState>
      }
    >
      <div class="table-wrap">
        <table class="reports" aria-label="Reports">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Made</th>
              <th scope="col" class="num">
                Approved
              </th>
              <th scope="col" class="num">
                In review
              </th>
              <th scope="col" class="num">
                Rejected
              </th>
              <th scope="col">Since previous report</th>
              <th scope="col">
                <span class="visually-hidden">Files</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={reports()?.items}>
              {(report) => {
                const counts = report.summary.counts
                const spend = report.summary.monthly_spend_at_stake
                return (
                  <tr data-testid="report-row" data-report-id={report.report_id} data-period={report.period}>
                    <td>
                      <A href={`/reports/${report.report_id}`} class="report-month" data-col="month">
                        {periodLabel(report.period)}
                      </A>
                      <div class="muted">as of {formatDate(report.as_of)}</div>
                    </td>
                    <td>
                      <span title={formatDateTime(report.created_at)}>
                        {formatRelative(report.created_at)}
                      </span>
                      <div class="muted truncate" style={{ 'max-width': '180px' }}>
                        {requesterLabel(report.requested_by)}
                      </div>
                    </td>
                    <td class="num" data-col="approved">
                      {formatNumber(counts.approved)}
                      <div class="muted">{formatMoney(spend.approved)} / month</div>
                    </td>
                    <td class="num" data-col="in-review">
                      {formatNumber(counts.in_review)}
                      <div class="muted">{formatMoney(spend.in_review)} / month</div>
                    </td>
                    <td class="num" data-col="rejected">
                      {formatNumber(counts.rejected)}
                    </td>
                    <td data-col="changes">{changesLabel(report)}</td>
                    <td class="report-files">
                      <A
                        href={`/reports/${report.report_id}`}
                        class="button small"
                        aria-label={`Open the report for ${periodLabel(report.period)} (#${report.report_id})`}
                      >
                        Open
                      </A>
                      <button
                        type="button"
                        class="button small"
                        onClick={() => void save(report, 'html')}
                        aria-label={`Download the HTML of the report for ${periodLabel(report.period)} (#${report.report_id})`}
                      >
                        HTML
                      </button>
                      <button
                        type="button"
                        class="button small"
                        onClick={() => void save(report, 'csv')}
                        aria-label={`Download the CSV of the report for ${periodLabel(report.period)} (#${report.report_id})`}
                      >
                        CSV
                      </button>
                    </td>
                  </tr>
                )
              }}
            </For>
          </tbody>
        </table>
      </div>
      <div class="table-footer">
        <span data-testid="report-count">
          {formatNumber(reports()?.items.length ?? 0)} {reports()?.items.length === 1 ? 'report' : 'reports'}
        </span>
        <span class={message()?.error ? 'export-status error' : 'export-status'} role="status">
          {message()?.text}
        </span>
      </div>
    </Show>
  )
}
