// Data of the Reports page: the kept monthly POD reports, making one now (the API queues the report job;
// the page follows the job until the report is kept), and a report's HTML and CSV, which the API only
// gives with the key in a header, so they are fetched here and shown or saved from memory.
import { action, json, query } from '@solidjs/router'
import { ApiError, api, type Schemas, unwrap } from '../../lib/api-client.ts'

export type Report = Schemas['Report']
export type Job = Schemas['Job']

export const listReports = query(
  () => unwrap(api.GET('/api/v1/reports', { params: { query: { limit: 200 } } })),
  'reports',
)

/** The job a "Make report now" queued, read again while it runs. */
export const getReportJob = query(
  (jobId: string) => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId } } })),
  'report-job',
)

/** Queues a report of `period` (YYYY-MM), or of the API's default month when none is given. */
export const makeReport = action(async (period?: string) => {
  const job = await unwrap(api.POST('/api/v1/reports', { body: period ? { period } : {} }))
  return json(job, { revalidate: [] })
}, 'make-report')

/** A report's file as text: its HTML page or its CSV. */
async function readReportFile(id: string, format: 'html' | 'csv'): Promise<{ text: string; name: string }> {
  const options = { params: { path: { id } }, parseAs: 'text' as const }
  let result: { data?: string; error?: unknown; response: Response }
  try {
    result =
      format === 'html'
        ? await api.GET('/api/v1/reports/{id}/html', options)
        : await api.GET('/api/v1/reports/{id}/csv', options)
  } catch {
    throw new ApiError(0, 'unreachable', 'The server cannot be reached. Is `npm start` still running?', null)
  }
  const { data, error, response } = result
  if (!response.ok || typeof data !== 'string') {
    const body = (typeof error === 'string' ? safeJson(error) : error) as ErrorBody | null
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `The server answered ${response.status}`,
      body?.error?.correlation_id ?? response.headers.get('x-correlation-id'),
    )
  }
  const name = fileName(response.headers.get('content-disposition')) ?? `pod-report_${id}.${format}`
  return { text: data, name }
}

interface ErrorBody {
  error?: { code?: string; message?: string; correlation_id?: string }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The report's printable page (the viewer shows it in a frame that may run nothing). */
export const getReportHtml = query(
  async (id: string) => (await readReportFile(id, 'html')).text,
  'report-html',
)

/** Saves a report's CSV or HTML under the API's file name; returns the name. */
export async function downloadReport(id: string, format: 'html' | 'csv'): Promise<string> {
  const file = await readReportFile(id, format)
  const type = format === 'html' ? 'text/html;charset=utf-8' : 'text/csv;charset=utf-8'
  saveText(file.text, file.name, type)
  return file.name
}

/** Hands text to the browser as a download. */
export function saveText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The browser reads the blob when the download starts; let it, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The file name of a `content-disposition` header (`attachment; filename="x.csv"`). */
export function fileName(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null
  return match?.[1] ?? null
}
