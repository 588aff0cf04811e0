import { describe, expect, it } from 'vitest'
import {
  convertPeriod,
  formatPeriod,
  formatPeriodRange,
  orderRange,
  partialPeriod,
  periodChoices,
  periodMonth,
} from './cost-periods.ts'

describe('billing periods', () => {
  it('finds the first and last month of months, quarters and years', () => {
    expect(periodMonth('2026-07', 'start')).toBe('2026-07')
    expect(periodMonth('2026-Q3', 'start')).toBe('2026-07')
    expect(periodMonth('2026-Q3', 'end')).toBe('2026-09')
    expect(periodMonth('2026', 'end')).toBe('2026-12')
    expect(periodMonth('2026-13', 'end')).toBeNull()
  })

  it('rewrites a range end for another granularity', () => {
    expect(convertPeriod('2026-08', 'quarter', 'start')).toBe('2026-Q3')
    expect(convertPeriod('2026-Q3', 'month', 'start')).toBe('2026-07')
    expect(convertPeriod('2026-Q3', 'month', 'end')).toBe('2026-09')
    expect(convertPeriod('2026-Q1', 'year', 'end')).toBe('2026')
    expect(convertPeriod('2026', 'quarter', 'end')).toBe('2026-Q4')
    expect(convertPeriod(undefined, 'month', 'start')).toBeUndefined()
  })

  it('keeps from before to by moving the other end', () => {
    expect(orderRange({ from: '2026-09', to: '2026-03' }, 'from')).toEqual({ from: '2026-09', to: '2026-09' })
    expect(orderRange({ from: '2026-09', to: '2026-03' }, 'to')).toEqual({ from: '2026-03', to: '2026-03' })
    expect(orderRange({ from: '2026-Q3', to: '2026-09' }, 'to')).toEqual({ from: '2026-Q3', to: '2026-09' })
  })

  it('offers the periods of a granularity newest first', () => {
    expect(periodChoices('year', 2024, 2026)).toEqual(['2026', '2025', '2024'])
    expect(periodChoices('quarter', 2026, 2026)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1'])
    expect(periodChoices('month', 2025, 2026)).toHaveLength(24)
    expect(periodChoices('month', 2025, 2026)[0]).toBe('2026-12')
  })

  it('names periods in the locale', () => {
    expect(formatPeriod('2026-07', 'en-US')).toBe('Jul 2026')
    expect(formatPeriod('2026-07', 'de-DE')).toBe('Juli 2026')
    expect(formatPeriod('2026-Q3')).toBe('Q3 2026')
    expect(formatPeriod('2026')).toBe('2026')
    expect(formatPeriod(null)).toBe('—')
    expect(formatPeriodRange('2026-07', '2026-10', 'en-US')).toBe('Jul 2026 – Oct 2026')
    expect(formatPeriodRange('2026', '2026')).toBe('2026')
  })

  it('says which months of a quarter or year a range cut short covers', () => {
    expect(partialPeriod({ period: '2025-Q4', from: '2025-11', to: '2025-12' }, 'en-US')).toBe('Nov–Dec only')
    expect(partialPeriod({ period: '2026-Q4', from: '2026-10', to: '2026-10' }, 'en-US')).toBe('Oct only')
    expect(partialPeriod({ period: '2026-Q3', from: '2026-07', to: '2026-09' })).toBeNull()
    expect(partialPeriod({ period: '2026-07', from: '2026-07', to: '2026-07' })).toBeNull()
  })
})
