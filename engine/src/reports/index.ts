// Reports: the monthly POD report per tenant — built from the decisions as they stood, kept as CSV and a
// printable HTML page, made by the `report` stage on schedule or on demand.
export type { PodReport, ReportSummary, Standing } from './pod-report.ts'
export { defaultPeriod, PERIOD_PATTERN, reportAsOf } from './report-period.ts'
export { type ReportStageReport, reportStage } from './report-stage.ts'
export {
  listReports,
  REPORT_KINDS,
  type ReportFile,
  readReportFile,
  type StoredReport,
} from './report-store.ts'
