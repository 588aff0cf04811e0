// The month a report is about and the day it reads the decisions as of. Pure date arithmetic on
// YYYY-MM and YYYY-MM-DD strings (UTC calendar days), so schedules, the API and tests agree.
import type { IsoDate } from '../shared/clock.ts'
import { ValidationError } from '../shared/errors.ts'

/** A calendar month, YYYY-MM. */
export type Period = string

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

function parsePeriod(period: Period): { year: number; month: number } {
  if (!PERIOD_PATTERN.test(period)) throw new ValidationError(`period "${period}" is not a month (YYYY-MM)`)
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) }
}

function formatPeriod(year: number, month: number): Period {
  const date = new Date(Date.UTC(year, month - 1, 1))
  return date.toISOString().slice(0, 7)
}

/** The first day of the month, and the first day of the month after it. */
export function periodBounds(period: Period): { first: IsoDate; next: IsoDate } {
  const { year, month } = parsePeriod(period)
  return { first: `${period}-01`, next: `${formatPeriod(year, month + 1)}-01` }
}

/** The month before. */
export function previousPeriod(period: Period): Period {
  const { year, month } = parsePeriod(period)
  return formatPeriod(year, month - 1)
}

/**
 * The period a report made on `asOf` is about when nobody says: the month of the day before, so the
 * monthly run on the 1st reports the month that just ended, and a report made later in a month covers
 * that month so far.
 */
export function defaultPeriod(asOf: IsoDate): Period {
  const day = new Date(`${asOf}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - 1)
  return day.toISOString().slice(0, 7)
}

/**
 * The day a report of `period` made on `asOf` reads the decisions as of: `asOf` while the month runs,
 * else the first day after the month (how things stood when it ended). A month that has not started on
 * `asOf` cannot be reported.
 */
export function reportAsOf(period: Period, asOf: IsoDate): IsoDate {
  const { first, next } = periodBounds(period)
  if (first > asOf) throw new ValidationError(`period ${period} has not started on ${asOf}`)
  return next < asOf ? next : asOf
}

/** "October 2026". */
export function periodLabel(period: Period): string {
  const { year, month } = parsePeriod(period)
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}
