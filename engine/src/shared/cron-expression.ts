// Five-field cron expressions (minute hour day-of-month month day-of-week) evaluated in a time zone:
// parsed once, matched against a wall-clock time, and stepped to the next matching minute. Numbers,
// `*`, lists, ranges and steps; day of week 0–7 (0 and 7 are Sunday). As in classic cron, when both day
// fields are restricted a day matches either. A wall time that does not exist (a DST gap) never
// matches; one that happens twice (a DST fold) matches both times.

export interface CronExpression {
  source: string
  minutes: ReadonlySet<number>
  hours: ReadonlySet<number>
  days: ReadonlySet<number>
  months: ReadonlySet<number>
  weekdays: ReadonlySet<number>
  daysRestricted: boolean
  weekdaysRestricted: boolean
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const

/** Parses `expression`; throws an Error naming the field at fault. */
export function parseCron(expression: string): CronExpression {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 5)
    throw new Error(
      `"${expression}" is not a cron expression: expected 5 fields (minute hour day month weekday)`,
    )
  const sets = parts.map((part, index) => parseField(part, FIELDS[index]!, expression))
  const weekdays = new Set([...sets[4]!].map((d) => d % 7))
  return {
    source: expression.trim(),
    minutes: sets[0]!,
    hours: sets[1]!,
    days: sets[2]!,
    months: sets[3]!,
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
  }
}

function parseField(part: string, field: (typeof FIELDS)[number], expression: string): Set<number> {
  const values = new Set<number>()
  const fail = (why: string) => {
    throw new Error(`"${expression}": the ${field.name} field "${part}" ${why}`)
  }
  for (const item of part.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item)
    if (!match) fail('is not a number, range, list, step or *')
    const [, whole, from, to, step] = match!
    const low = whole === '*' ? field.min : Number(from)
    const high = whole === '*' ? field.max : to !== undefined ? Number(to) : step ? field.max : low
    const by = step ? Number(step) : 1
    if (low < field.min || high > field.max || low > high) fail(`is outside ${field.min}–${field.max}`)
    if (by < 1) fail('has a step below 1')
    for (let value = low; value <= high; value += by) values.add(value)
  }
  return values
}

export interface WallTime {
  minute: number
  hour: number
  day: number
  month: number
  weekday: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Whether `timeZone` is one this runtime knows (an IANA name such as `Europe/Berlin`, or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      minute: 'numeric',
      hour: 'numeric',
      day: 'numeric',
      month: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** The wall-clock time of `instant` in `timeZone`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  )
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour),
    day: Number(parts.day),
    month: Number(parts.month),
    weekday: WEEKDAYS[parts.weekday!]!,
  }
}

function dayMatches(cron: CronExpression, time: WallTime): boolean {
  const day = cron.days.has(time.day)
  const weekday = cron.weekdays.has(time.weekday)
  if (cron.daysRestricted && cron.weekdaysRestricted) return day || weekday
  return day && weekday
}

/** Whether the minute of `instant` matches `cron` in `timeZone`. */
export function cronMatches(cron: CronExpression, instant: Date, timeZone: string): boolean {
  const time = wallTime(instant, timeZone)
  return (
    cron.minutes.has(time.minute) &&
    cron.hours.has(time.hour) &&
    cron.months.has(time.month) &&
    dayMatches(cron, time)
  )
}

const MINUTE = 60_000

/** The first matching minute after `after` (null when none within `withinDays`). */
export function nextCronTime(
  cron: CronExpression,
  timeZone: string,
  after: Date,
  withinDays = 400,
): Date | null {
  let at = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE
  const end = at + withinDays * 86_400_000
  while (at < end) {
    const time = wallTime(new Date(at), timeZone)
    if (!cron.months.has(time.month) || !dayMatches(cron, time) || !cron.hours.has(time.hour)) {
      // Nothing in this wall-clock hour can match: go to the next hour's first minute.
      at += (60 - time.minute) * MINUTE
      continue
    }
    if (cron.minutes.has(time.minute)) return new Date(at)
    at += MINUTE
  }
  return null
}

/** The latest matching minute in (`from`, `to`], newest first (null when none). */
export function latestCronTime(cron: CronExpression, timeZone: string, from: Date, to: Date): Date | null {
  let at = Math.floor(to.getTime() / MINUTE) * MINUTE
  while (at > from.getTime()) {
    if (cronMatches(cron, new Date(at), timeZone)) return new Date(at)
    at -= MINUTE
  }
  return null
}
