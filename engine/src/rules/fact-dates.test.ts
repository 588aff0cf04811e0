import { describe, expect, it } from 'vitest'
import { addDays, benefitWindow, daysBetween, spendMonthFor } from './fact-dates.ts'

describe('addDays / daysBetween', () => {
  it('moves across month and year ends', () => {
    expect(addDays('2025-06-15', 90)).toBe('2025-09-13')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('counts whole days, negative when the second date is earlier', () => {
    expect(daysBetween('2025-06-15', '2025-09-13')).toBe(90)
    expect(daysBetween('2025-06-15', '2025-06-14')).toBe(-1)
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2)
  })

  it('rejects what is not a calendar date', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(/not a calendar date/)
    expect(() => addDays('15/06/2025', 1)).toThrow(/not a YYYY-MM-DD date/)
  })
})

describe('spendMonthFor', () => {
  it('uses the month before the close month when it has closed on D', () => {
    expect(spendMonthFor('2025-06-28', '2025-06-15')).toEqual({
      month: '2025-05',
      wanted: '2025-05',
      substituted: false,
    })
    expect(spendMonthFor('2025-07-15', '2025-07-01')).toEqual({
      month: '2025-06',
      wanted: '2025-06',
      substituted: false,
    })
    expect(spendMonthFor('2025-03-10', '2025-06-15')).toEqual({
      month: '2025-02',
      wanted: '2025-02',
      substituted: false,
    })
  })

  it('lets the last closed month stand in when the wanted month has not closed', () => {
    expect(spendMonthFor('2025-07-15', '2025-06-30')).toEqual({
      month: '2025-05',
      wanted: '2025-06',
      substituted: true,
    })
    expect(spendMonthFor('2025-09-01', '2025-06-15')).toEqual({
      month: '2025-05',
      wanted: '2025-08',
      substituted: true,
    })
  })

  it('crosses the year boundary', () => {
    expect(spendMonthFor('2026-01-20', '2026-02-10')).toEqual({
      month: '2025-12',
      wanted: '2025-12',
      substituted: false,
    })
    expect(spendMonthFor('2026-02-20', '2026-01-10')).toEqual({
      month: '2025-12',
      wanted: '2026-01',
      substituted: true,
    })
  })
})

describe('benefitWindow', () => {
  it('starts the first of the month after the close date and lasts 24 months', () => {
    expect(benefitWindow('2025-07-15')).toEqual({ start: '2025-08-01', end: '2027-07-31' })
    expect(benefitWindow('2025-12-31')).toEqual({ start: '2026-01-01', end: '2027-12-31' })
    expect(benefitWindow('2024-01-31')).toEqual({ start: '2024-02-01', end: '2026-01-31' })
  })

  it('takes another length when asked', () => {
    expect(benefitWindow('2025-01-10', 12)).toEqual({ start: '2025-02-01', end: '2026-01-31' })
  })
})
