// The as-of clock: what day it is, in UTC, as every stage sees it. One place, so a test or a scheduler
// can say which day it is instead of each caller asking the machine.

/** A date as YYYY-MM-DD. */
export type IsoDate = string

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10)
}
