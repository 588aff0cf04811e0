// Stage `report`: makes the tenant's monthly POD report and keeps it (CSV and printable HTML) with the
// date it reads the decisions as of. Run by a schedule (`task: report`, e.g. at 06:00 on the 1st) or on
// demand (POST /api/v1/reports, `revops jobs queue report`); a period made again is a new report.
import { z } from 'zod'
import { defineStage } from '../stage/stage.ts'
import { buildPodReport } from './pod-report.ts'
import { readReportRows } from './read-report-rows.ts'
import { podReportCsv } from './report-csv.ts'
import { podReportHtml } from './report-html.ts'
import { defaultPeriod, PERIOD_PATTERN, reportAsOf } from './report-period.ts'
import { readPreviousReport, storeReport } from './report-store.ts'

export interface ReportStageReport {
  report_id: string
  period: string
  as_of: string
  approved: number
  in_review: number
  rejected: number
  changes: number
}

export const reportStage = defineStage({
  name: 'report',
  description: 'make the monthly POD report (CSV and printable HTML) and keep it',
  options: z.object({
    /** The month reported (YYYY-MM); the month of the day before the run's as-of date unless given. */
    period: z.string().regex(PERIOD_PATTERN, 'expected a month as YYYY-MM').optional(),
  }),
  async run(context, options): Promise<ReportStageReport> {
    const { tenant, db } = context
    const tenantId = tenant.config.tenant_id
    const period = options.period ?? defaultPeriod(context.asOf)
    const asOf = reportAsOf(period, context.asOf)
    context.onProgress({ step: `reading the decisions as of ${asOf}`, done: 0, total: 3 })
    const rows = await readReportRows(db.sql, tenantId, asOf)
    const previous = await readPreviousReport(db.sql, tenantId, period)
    context.onProgress({ step: 'writing the report', done: 1, total: 3 })
    const report = buildPodReport({
      tenant: { id: tenantId, name: tenant.config.display_name },
      period,
      asOf,
      madeAt: new Date(),
      rows,
      previous,
    })
    const stored = await storeReport(db.sql, {
      tenantId,
      report,
      csv: podReportCsv(report),
      html: podReportHtml(report),
      jobId: context.jobId,
    })
    context.onProgress({ step: 'report kept', done: 3, total: 3 })
    context.log.info(`POD report ${stored.report_id} for ${period} as of ${asOf}`)
    const { counts } = report.summary
    return {
      report_id: stored.report_id,
      period,
      as_of: asOf,
      approved: counts.approved,
      in_review: counts.in_review,
      rejected: counts.rejected,
      changes: report.summary.changes,
    }
  },
})
