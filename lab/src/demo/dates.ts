// Calendar arithmetic on whole days and seconds since the epoch (UTC), so every timestamp in the demo
// world derives from the anchor date and never from the machine's clock or zone.

const SECONDS_PER_DAY = 86_400

/** Days since 1970-01-01 for a `YYYY-MM-DD` string; throws on anything that is not a real date. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${text}`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Error(`not a calendar date: ${text}`)
  }
  return ms / 1000 / SECONDS_PER_DAY
}

export function formatDay(day: number): string {
  return new Date(Math.floor(day) * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10)
}

/** Seconds since the epoch at the start of a day plus an offset in seconds. */
export function dayToSeconds(day: number, secondsIntoDay = 0): number {
  return Math.floor(day) * SECONDS_PER_DAY + Math.floor(secondsIntoDay)
}

export function secondsToDay(seconds: number): number {
  return Math.floor(seconds / SECONDS_PER_DAY)
}

/** `timestamp without time zone` text, as Odoo stores create_date/write_date (UTC). */
export function formatTimestamp(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

/** `timestamptz` text in UTC. */
export function formatTimestampTz(seconds: number): string {
  return `${formatTimestamp(seconds)}+00`
}

export interface Month {
  /** `YYYY-MM` */
  period: string
  year: number
  /** 1–12 */
  month: number
  firstDay: number
  lastDay: number
}

/** The month containing a day. */
export function monthOf(day: number): Month {
  const date = new Date(Math.floor(day) * SECONDS_PER_DAY * 1000)
  return makeMonth(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

/** The `count` full months before the month containing `day`, oldest first. */
export function monthsBefore(day: number, count: number): Month[] {
  const current = monthOf(day)
  const months: Month[] = []
  for (let back = count; back >= 1; back--) months.push(addMonths(current, -back))
  return months
}

export function addMonths(month: Month, delta: number): Month {
  const index = month.year * 12 + (month.month - 1) + delta
  return makeMonth(Math.floor(index / 12), (index % 12) + 1)
}

function makeMonth(year: number, month: number): Month {
  const firstDay = Date.UTC(year, month - 1, 1) / 1000 / SECONDS_PER_DAY
  const lastDay = Date.UTC(year, month, 1) / 1000 / SECONDS_PER_DAY - 1
  return { period: `${year}-${String(month).padStart(2, '0')}`, year, month, firstDay, lastDay }
}

/** A time of day in seconds, weighted to office hours (UTC, so US hours land in the afternoon). */
export function officeSeconds(random: { int(min: number, max: number): number; chance(p: number): boolean }) {
  const hour = random.chance(0.85) ? random.int(13, 23) : random.int(0, 23)
  return hour * 3600 + random.int(0, 3599)
}
