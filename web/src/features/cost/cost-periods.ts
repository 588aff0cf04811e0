// Billing periods as the Cost Explorer writes them (`2026-07`, `2026-Q3`, `2026`): converted when the
// granularity changes, offered as choices, kept in order, and shown in the user's locale.

import { MISSING } from '../../lib/format.ts'
import type { Granularity } from './cost-state.ts'

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/

/** The first (`start`) or last (`end`) month, `YYYY-MM`, of a period; null when it is not one. */
export function periodMonth(period: string, edge: 'start' | 'end'): string | null {
  const match = PERIOD.exec(period)
  if (!match) return null
  if (match[2]) return `${match[1]}-${match[2]}`
  const [first, last] = match[3] ? [Number(match[3]) * 3 - 2, Number(match[3]) * 3] : [1, 12]
  return `${match[1]}-${String(edge === 'start' ? first : last).padStart(2, '0')}`
}

/** The period of `granularity` that holds a month (`2026-08` → `2026-Q3` → `2026`). */
export function periodOf(month: string, granularity: Granularity): string {
  if (granularity === 'month') return month
  if (granularity === 'year') return month.slice(0, 4)
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

/** A range end written for another granularity: the period of the new size that holds its edge month. */
export function convertPeriod(
  period: string | undefined,
  granularity: Granularity,
  edge: 'start' | 'end',
): string | undefined {
  const month = period ? periodMonth(period, edge) : null
  return month ? periodOf(month, granularity) : undefined
}

/**
 * A range with one end changed: when the ends cross, the other end moves to the same period, so the
 * range stays valid (the API refuses `from` after `to`).
 */
export function orderRange(
  range: { from?: string; to?: string },
  changed: 'from' | 'to',
): { from?: string; to?: string } {
  const start = range.from ? periodMonth(range.from, 'start') : null
  const end = range.to ? periodMonth(range.to, 'end') : null
  if (!start || !end || start <= end) return range
  return changed === 'from' ? { from: range.from, to: range.from } : { from: range.to, to: range.to }
}

/** The periods of a granularity from `firstYear` to `lastYear`, newest first (the picker's choices). */
export function periodChoices(granularity: Granularity, firstYear: number, lastYear: number): string[] {
  const choices: string[] = []
  for (let year = lastYear; year >= firstYear; year--) {
    if (granularity === 'year') choices.push(String(year))
    else if (granularity === 'quarter') for (let q = 4; q >= 1; q--) choices.push(`${year}-Q${q}`)
    else for (let month = 12; month >= 1; month--) choices.push(`${year}-${String(month).padStart(2, '0')}`)
  }
  return choices
}

/** A period in the user's locale: `Jul 2026`, `Q3 2026`, `2026`. */
export function formatPeriod(period: string | null | undefined, locale?: string): string {
  const match = period ? PERIOD.exec(period) : null
  if (!match) return period || MISSING
  if (match[3]) return `Q${match[3]} ${match[1]}`
  if (!match[2]) return match[1]!
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' }).format(
    new Date(Number(match[1]), Number(match[2]) - 1, 1),
  )
}

/** A range of periods in the user's locale, e.g. `Jul 2026 – Oct 2026`, one period alone when equal. */
export function formatPeriodRange(from: string, to: string, locale?: string): string {
  return from === to
    ? formatPeriod(from, locale)
    : `${formatPeriod(from, locale)} – ${formatPeriod(to, locale)}`
}

/**
 * What part of a quarter or year the range covers when it is cut at either end (`Nov–Dec only`); null
 * for a whole period.
 */
export function partialPeriod(
  bucket: { period: string; from: string; to: string },
  locale?: string,
): string | null {
  if (bucket.from === periodMonth(bucket.period, 'start') && bucket.to === periodMonth(bucket.period, 'end'))
    return null
  const month = (value: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short' }).format(
      new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, 1),
    )
  return bucket.from === bucket.to
    ? `${month(bucket.from)} only`
    : `${month(bucket.from)}–${month(bucket.to)} only`
}
