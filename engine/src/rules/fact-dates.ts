// The date arithmetic behind the date facts (days until close, the spend month, the benefit window),
// pure and in UTC so every provider, fixture and test computes them the same way.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

function parseDate(date: string): Date {
  const parts = DATE.exec(date)
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const value = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])))
  if (value.toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`)
  return value
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function formatMonth(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 7)
}

/** `date` plus `days` (negative to go back), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return formatDate(new Date(parseDate(date).getTime() + days * DAY_MS))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS)
}

export interface SpendMonth {
  /** The month whose cost is summed (YYYY-MM). */
  month: string
  /** The month the rule asks for (the one before the close month), even when another stood in. */
  wanted: string
  /** The wanted month had not closed on the as-of date, so the last closed month stood in. */
  substituted: boolean
}

/**
 * The spend month for a target close date judged at `asOf`: the calendar month before the close
 * month; when that month has not closed on `asOf` (it is `asOf`'s month or later), the last closed
 * month (the one before `asOf`'s month) stands in.
 */
export function spendMonthFor(closeDate: string, asOf: string): SpendMonth {
  const close = parseDate(closeDate)
  const today = parseDate(asOf)
  const wanted = formatMonth(close.getUTCFullYear(), close.getUTCMonth() - 1)
  const lastClosed = formatMonth(today.getUTCFullYear(), today.getUTCMonth() - 1)
  return wanted <= lastClosed
    ? { month: wanted, wanted, substituted: false }
    : { month: lastClosed, wanted, substituted: true }
}

export interface BenefitWindow {
  /** First of the month after the close date. */
  start: string
  /** The day before start + 24 months. */
  end: string
}

/** The 24-month POD benefit window for a target close date. */
export function benefitWindow(closeDate: string, months = 24): BenefitWindow {
  const close = parseDate(closeDate)
  const start = new Date(Date.UTC(close.getUTCFullYear(), close.getUTCMonth() + 1, 1))
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1) - DAY_MS)
  return { start: formatDate(start), end: formatDate(end) }
}
