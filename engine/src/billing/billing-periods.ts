// Billing periods as the Cost Explorer names them: months `2026-03`, quarters `2026-Q1`, years `2026`.
// Ranges are whole months; a quarter or year at either end stands for its first or last month.
import { ValidationError } from '../shared/errors.ts'
import type { Granularity } from './billing-options.ts'

/** The longest range one query may cover. */
export const MAX_RANGE_MONTHS = 120

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/

export interface Bucket {
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string
  /** First and last month of the bucket inside the range, `YYYY-MM`. */
  from: string
  to: string
}

/** Months since year 0, so month arithmetic is integer arithmetic. */
function toIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
}

function fromIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * The first (`start`) or last (`end`) month, `YYYY-MM`, of a period written `YYYY-MM`, `YYYY-Qn` or
 * `YYYY`; null when the text is none of these.
 */
export function periodMonth(text: string, edge: 'start' | 'end'): string | null {
  const match = PERIOD.exec(text.trim())
  if (!match) return null
  const year = Number(match[1])
  if (match[2]) return `${match[1]}-${match[2]}`
  const [first, last] = match[3] ? [(Number(match[3]) - 1) * 3, (Number(match[3]) - 1) * 3 + 2] : [0, 11]
  return fromIndex(year * 12 + (edge === 'start' ? first : last))
}

/** The month a date falls in, `YYYY-MM`, read in UTC. */
export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`
}

/** Adds (or with a negative count, subtracts) months. */
export function addMonths(month: string, count: number): string {
  return fromIndex(toIndex(month) + count)
}

/**
 * The range of a query: `from` / `to` as given, else the twelve months up to `latest` (the newest month
 * with data). Errors name the field.
 */
export function resolveRange(
  from: string | undefined,
  to: string | undefined,
  latest: string,
): { from: string; to: string } {
  const end = to === undefined ? latest : periodMonth(to, 'end')
  if (end === null) throw rangeError('to', `expected YYYY-MM, YYYY-Qn or YYYY, got "${to}"`)
  const start = from === undefined ? addMonths(end, -11) : periodMonth(from, 'start')
  if (start === null) throw rangeError('from', `expected YYYY-MM, YYYY-Qn or YYYY, got "${from}"`)
  if (start > end) throw rangeError('from', `${start} is after ${end}`)
  if (toIndex(end) - toIndex(start) + 1 > MAX_RANGE_MONTHS)
    throw rangeError('from', `the range covers more than ${MAX_RANGE_MONTHS} months`)
  return { from: start, to: end }
}

function rangeError(field: 'from' | 'to', problem: string): ValidationError {
  return new ValidationError(`query.${field}: ${problem}`, {
    fields: [{ field: `query.${field}`, problem }],
  })
}

/** The bucket a month (`YYYY-MM`) falls in. */
export function bucketOf(month: string, granularity: Granularity): string {
  if (granularity === 'month') return month
  if (granularity === 'year') return month.slice(0, 4)
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`
}

/** Every bucket of the range in order, each clipped to the range. */
export function listBuckets(from: string, to: string, granularity: Granularity): Bucket[] {
  const buckets: Bucket[] = []
  for (let index = toIndex(from); index <= toIndex(to); index++) {
    const month = fromIndex(index)
    const period = bucketOf(month, granularity)
    const last = buckets[buckets.length - 1]
    if (last?.period === period) last.to = month
    else buckets.push({ period, from: month, to: month })
  }
  return buckets
}

/** SQL (trusted constant) for the first month (a date) of the bucket of a `month` date column. */
export function bucketStartSql(column: string, granularity: Granularity): string {
  return granularity === 'month' ? column : `date_trunc('${granularity}', ${column})::date`
}

/** SQL naming a bucket from its first month (a date), matching bucketOf; cheap on summed rows only. */
export function bucketLabelSql(column: string, granularity: Granularity): string {
  if (granularity === 'month') return `to_char(${column}, 'YYYY-MM')`
  if (granularity === 'year') return `to_char(${column}, 'YYYY')`
  return `to_char(${column}, 'YYYY') || '-Q' || extract(quarter from ${column})::int`
}
