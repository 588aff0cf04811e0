// Words for reports: the month a report is about, and what changed since the previous one.
import type { Report } from './reports.ts'

/** `2026-10` → `October 2026` (the month itself, whatever the user's time zone). */
export function periodLabel(period: string, locale?: string): string {
  const [year, month] = period.split('-').map(Number)
  if (!year || !month) return period
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  )
}

/**
 * The month "Make report now" proposes: the month of yesterday (UTC), as the API's default — on the 1st
 * the month that just ended, later the running month.
 */
export function defaultReportPeriod(now: Date = new Date()): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 7)
}

/** What the changes column says: how many changed since which report, or that there was none before. */
export function changesLabel(report: Report): string {
  const previous = report.summary.previous_report
  if (!previous) return 'first report'
  const n = report.summary.changes
  return `${n} ${n === 1 ? 'change' : 'changes'} since ${periodLabel(previous.period)}`
}

/** Who asked: a schedule by its name, else the API key's name. */
export function requesterLabel(requestedBy: string): string {
  return requestedBy.startsWith('schedule:')
    ? `schedule ${requestedBy.slice('schedule:'.length)}`
    : requestedBy
}
