// `/reports/:id`: one kept report as it prints, with Print and its files.
import { A, createAsync, type RouteDefinition, revalidate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { ReportViewer } from '../../features/reports/ReportViewer.tsx'
import { periodLabel, requesterLabel } from '../../features/reports/report-labels.ts'
import { downloadReport, getReportHtml, listReports } from '../../features/reports/reports.ts'
import { apiKey } from '../../lib/api-key.ts'
import { formatDate, formatDateTime } from '../../lib/format.ts'
import { PageHeader } from '../../ui/Panel.tsx'
import { Async, LoadingLines } from '../../ui/States.tsx'

export const route = {
  preload: ({ params }) => {
    if (!apiKey() || !params.id) return
    void listReports()
    void getReportHtml(params.id)
  },
} satisfies RouteDefinition

export default function ReportPage() {
  const params = useParams<{ id: string }>()
  const reports = createAsync(() => listReports())
  const report = () => reports()?.items.find((item) => item.report_id === params.id)
  const title = () =>
    report() ? `POD report — ${periodLabel(report()!.period)}` : `POD report #${params.id}`
  const [frame, setFrame] = createSignal<HTMLIFrameElement>()
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null)
  const save = async (format: 'html' | 'csv') => {
    setMessage(null)
    try {
      setMessage({ text: `Downloaded ${await downloadReport(params.id, format)}`, error: false })
    } catch (error) {
      setMessage({ text: `The download failed: ${(error as Error).message}`, error: true })
    }
  }
  return (
    <div class="page report-view">
      <PageHeader
        title={title()}
        subtitle={
          <Show when={report()} fallback="A kept report">
            {(r) => (
              <>
                Decisions as of {formatDate(r().as_of)} · made {formatDateTime(r().created_at)} by{' '}
                {requesterLabel(r().requested_by)}
              </>
            )}
          </Show>
        }
        actions={
          <>
            <span class={message()?.error ? 'export-status error' : 'export-status'} role="status">
              {message()?.text}
            </span>
            <button type="button" class="button" onClick={() => void save('csv')}>
              Download CSV
            </button>
            <button type="button" class="button" onClick={() => void save('html')}>
              Download HTML
            </button>
            <button
              type="button"
              class="button primary"
              disabled={!frame()}
              onClick={() => frame()?.contentWindow?.print()}
            >
              Print
            </button>
          </>
        }
      />
      <Async
        framed
        title="This report could not be loaded"
        resetKey={params.id}
        onRetry={() => revalidate(getReportHtml.keyFor(params.id))}
        fallback={
          <div class="panel">
            <LoadingLines lines={12} height={18} label="Loading the report" />
          </div>
        }
      >
        <ReportViewer id={params.id} title={title()} onFrame={setFrame} />
      </Async>
      <p class="report-back" style={{ 'margin-top': '16px' }}>
        <A href="/reports">← Back to the reports</A>
      </p>
    </div>
  )
}
