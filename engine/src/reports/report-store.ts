// Reports kept in ops.reports: stored once (never changed; a period made again is another report), listed
// newest first without their bodies, read back as CSV or HTML, and the previous period's snapshot that a
// new report compares with.
import type { Sql } from '@revops/db'
import { NotFoundError } from '../shared/errors.ts'
import type { PodReport, PreviousReport, ReportSnapshot, ReportSummary } from './pod-report.ts'
import type { Period } from './report-period.ts'

export const REPORT_KINDS = ['pod_monthly'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export interface StoredReport {
  report_id: string
  kind: ReportKind
  period: Period
  as_of: string
  job_id: string | null
  requested_by: string
  created_at: string
  summary: ReportSummary
}

export interface StoreReportInput {
  tenantId: string
  report: PodReport
  csv: string
  html: string
  jobId?: string | undefined
}

interface Row extends Omit<StoredReport, 'created_at'> {
  created_at: Date
}

const COLUMNS = `report_id::text, kind, period, as_of::text as as_of, job_id::text, requested_by, created_at, summary`

const toStored = (row: Row): StoredReport => ({ ...row, created_at: row.created_at.toISOString() })

/** Stores a report; `requested_by` is the session's principal (the key that asked, or the job's requester). */
export async function storeReport(sql: Sql, input: StoreReportInput): Promise<StoredReport> {
  const { report } = input
  const [row] = await sql<Row[]>`
    insert into ops.reports (tenant_id, kind, period, as_of, job_id, requested_by, summary, snapshot, csv, html)
    values (${input.tenantId}, 'pod_monthly', ${report.period}, ${report.as_of}, ${input.jobId ?? null}, 'system',
            ${sql.json(report.summary as never)}, ${sql.json(report.snapshot as never)}, ${input.csv}, ${input.html})
    returning ${sql.unsafe(COLUMNS)}`
  return toStored(row!)
}

export interface ListReportsOptions {
  limit?: number | undefined
  /** Only reports older than this id (paging newest first). */
  before?: string | undefined
}

/** The tenant's reports, newest first, without their bodies. */
export async function listReports(
  sql: Sql,
  tenantId: string,
  options: ListReportsOptions = {},
): Promise<StoredReport[]> {
  const rows = await sql<Row[]>`
    select ${sql.unsafe(COLUMNS)} from ops.reports
    where tenant_id = ${tenantId} ${options.before ? sql`and report_id < ${options.before}` : sql``}
    order by report_id desc
    limit ${options.limit ?? 100}`
  return rows.map(toStored)
}

export interface ReportFile {
  report_id: string
  period: Period
  as_of: string
  body: string
}

/** One report's CSV or HTML; NotFoundError when the tenant has no report with this id. */
export async function readReportFile(
  sql: Sql,
  tenantId: string,
  reportId: string,
  format: 'csv' | 'html',
): Promise<ReportFile> {
  if (!/^\d{1,18}$/.test(reportId)) throw new NotFoundError(`no report ${reportId}`)
  const [row] = await sql<ReportFile[]>`
    select report_id::text, period, as_of::text as as_of, ${format === 'csv' ? sql`csv` : sql`html`} as body
    from ops.reports where tenant_id = ${tenantId} and report_id = ${reportId}`
  if (!row) throw new NotFoundError(`no report ${reportId}`)
  return row
}

/** The newest report of the latest period before `period`: what "since last month's report" compares with. */
export async function readPreviousReport(
  sql: Sql,
  tenantId: string,
  period: Period,
): Promise<PreviousReport | null> {
  const [row] = await sql<{ report_id: string; period: string; as_of: string; snapshot: ReportSnapshot }[]>`
    select report_id::text, period, as_of::text as as_of, snapshot from ops.reports
    where tenant_id = ${tenantId} and kind = 'pod_monthly' and period < ${period}
    order by period desc, report_id desc
    limit 1`
  return row ?? null
}
