// Numbers, money and dates as the user's locale writes them. Every formatter takes `null` and shows a
// dash, so a missing value never reads as zero.

/** What a missing value looks like. */
export const MISSING = '—'

type Locale = string | undefined

/** An amount with its currency, e.g. `$12,500` (cents only when there are any). */
export function formatMoney(value: string | number | null | undefined, currency = 'USD', locale?: Locale) {
  if (value === null || value === undefined || value === '') return MISSING
  const amount = Number(value)
  if (!Number.isFinite(amount)) return MISSING
  const whole = Number.isInteger(amount)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(amount)
}

/** A large amount shortened, e.g. `$1.2M`, for figures and chart axes. */
export function formatMoneyCompact(
  value: string | number | null | undefined,
  currency = 'USD',
  locale?: Locale,
) {
  if (value === null || value === undefined || value === '') return MISSING
  const amount = Number(value)
  if (!Number.isFinite(amount)) return MISSING
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount)
}

export function formatNumber(value: number | null | undefined, locale?: Locale) {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING
  return new Intl.NumberFormat(locale).format(value)
}

/** A ratio (0..1) as a percentage, e.g. `0.973` → `97.3%`. */
export function formatPercent(ratio: number | null | undefined, digits = 1, locale?: Locale) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio)
}

/** `part` of `whole` as a percentage; a dash when there is no whole. */
export function formatShare(part: number, whole: number, locale?: Locale) {
  return whole > 0 ? formatPercent(part / whole, 0, locale) : MISSING
}

/** A calendar date (`2026-11-01`, or the date of a timestamp) in the user's locale. */
export function formatDate(value: string | null | undefined, locale?: Locale) {
  const date = parseDate(value)
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date) : MISSING
}

/** A timestamp with its time of day, in the user's time zone. */
export function formatDateTime(value: string | null | undefined, locale?: Locale) {
  const date = parseDate(value)
  return date
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
    : MISSING
}

/** How long ago (or from now), e.g. `5 minutes ago`. */
export function formatRelative(value: string | null | undefined, now: Date = new Date(), locale?: Locale) {
  const date = parseDate(value)
  if (!date) return MISSING
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(seconds, 'second')
}

/** A duration, e.g. `850 ms`, `4.2 s`, `3 min 5 s`. */
export function formatDuration(ms: number | null | undefined) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return MISSING
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** Bits of evidence with their sign, e.g. `+3.2`, `−1.0`. */
export function formatBits(bits: number) {
  const rounded = Math.abs(bits) < 0.05 ? 0 : bits
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±'
  return `${sign}${Math.abs(rounded).toFixed(1)}`
}

/** `spend_threshold` → `Spend threshold`. */
export function humanize(identifier: string) {
  const words = identifier.replace(/[_.-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Dates without a time are calendar dates: read them in local time so they never shift a day. */
function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const date = dateOnly
    ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))
    : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}
