import { describe, expect, it } from 'vitest'
import { cronMatches, isTimeZone, latestCronTime, nextCronTime, parseCron } from './cron-expression.ts'

const at = (iso: string) => new Date(iso)

describe('cron expressions in a time zone', () => {
  it('parses numbers, lists, ranges and steps, and names the field at fault', () => {
    const cron = parseCron('*/15 8-18 * * 1-5')
    expect([...cron.minutes]).toEqual([0, 15, 30, 45])
    expect([...cron.hours]).toHaveLength(11)
    expect([...cron.weekdays]).toEqual([1, 2, 3, 4, 5])
    expect(() => parseCron('0 24 * * *')).toThrow(/the hour field "24" is outside 0–23/)
    expect(() => parseCron('0 * * *')).toThrow(/expected 5 fields/)
    expect(() => parseCron('a * * * *')).toThrow(/minute field "a"/)
    expect([...parseCron('0 0 * * 7').weekdays]).toEqual([0])
  })

  it('matches the wall clock of the time zone, not UTC', () => {
    const nightly = parseCron('30 2 * * *')
    expect(cronMatches(nightly, at('2026-12-06T01:30:00Z'), 'Europe/Berlin')).toBe(true)
    expect(cronMatches(nightly, at('2026-12-06T02:30:00Z'), 'Europe/Berlin')).toBe(false)
    expect(cronMatches(nightly, at('2026-12-06T02:30:00Z'), 'UTC')).toBe(true)
  })

  it('finds the next run across a DST change (a wall time in the gap does not happen)', () => {
    const nightly = parseCron('30 2 * * *')
    // 29 March 2026: Berlin jumps from 02:00 to 03:00, so 02:30 does not exist that day.
    expect(nextCronTime(nightly, 'Europe/Berlin', at('2026-03-28T02:00:00Z'))).toEqual(
      at('2026-03-30T00:30:00Z'),
    )
    expect(nextCronTime(parseCron('0 9 1 1 *'), 'America/New_York', at('2026-12-06T00:00:00Z'))).toEqual(
      at('2027-01-01T14:00:00Z'),
    )
  })

  it('treats restricted day-of-month and day-of-week as either, like cron', () => {
    const cron = parseCron('0 6 1 * 1')
    expect(cronMatches(cron, at('2026-12-01T06:00:00Z'), 'UTC')).toBe(true) // the 1st, a Tuesday
    expect(cronMatches(cron, at('2026-12-07T06:00:00Z'), 'UTC')).toBe(true) // a Monday
    expect(cronMatches(cron, at('2026-12-08T06:00:00Z'), 'UTC')).toBe(false)
  })

  it('finds the latest run in a window', () => {
    const hourly = parseCron('0 * * * *')
    expect(latestCronTime(hourly, 'UTC', at('2026-12-06T07:10:00Z'), at('2026-12-06T09:59:00Z'))).toEqual(
      at('2026-12-06T09:00:00Z'),
    )
    expect(latestCronTime(hourly, 'UTC', at('2026-12-06T09:00:00Z'), at('2026-12-06T09:59:00Z'))).toBeNull()
  })

  it('knows time zones by name', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
