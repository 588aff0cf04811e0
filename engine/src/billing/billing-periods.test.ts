import { describe, expect, it } from 'vitest'
import { ValidationError } from '../shared/errors.ts'
import { bucketOf, listBuckets, periodMonth, resolveRange } from './billing-periods.ts'

describe('periodMonth', () => {
  it('reads months, quarters and years as their first or last month', () => {
    expect(periodMonth('2026-03', 'start')).toBe('2026-03')
    expect(periodMonth('2026-Q2', 'start')).toBe('2026-04')
    expect(periodMonth('2026-Q2', 'end')).toBe('2026-06')
    expect(periodMonth('2026', 'end')).toBe('2026-12')
    expect(periodMonth('2026-13', 'start')).toBeNull()
    expect(periodMonth('26-01', 'start')).toBeNull()
  })
})

describe('resolveRange', () => {
  it('defaults to the twelve months up to the latest data', () => {
    expect(resolveRange(undefined, undefined, '2026-10')).toEqual({ from: '2025-11', to: '2026-10' })
    expect(resolveRange('2025-Q3', '2025', '2026-10')).toEqual({ from: '2025-07', to: '2025-12' })
  })

  it('names the field of a bad range', () => {
    expect(() => resolveRange('2026-05', '2026-04', '2026-10')).toThrow(
      /^query\.from: 2026-05 is after 2026-04/,
    )
    expect(() => resolveRange('2000-01', '2026-04', '2026-10')).toThrow(ValidationError)
    expect(() => resolveRange(undefined, 'soon', '2026-10')).toThrow(/^query\.to: /)
  })
})

describe('listBuckets', () => {
  it('lists every bucket of the range, clipped to it', () => {
    expect(listBuckets('2025-11', '2026-04', 'quarter')).toEqual([
      { period: '2025-Q4', from: '2025-11', to: '2025-12' },
      { period: '2026-Q1', from: '2026-01', to: '2026-03' },
      { period: '2026-Q2', from: '2026-04', to: '2026-04' },
    ])
    expect(listBuckets('2025-12', '2026-01', 'year').map((b) => b.period)).toEqual(['2025', '2026'])
    expect(listBuckets('2025-12', '2026-01', 'month').map((b) => b.period)).toEqual(['2025-12', '2026-01'])
    expect(bucketOf('2026-12', 'quarter')).toBe('2026-Q4')
  })
})
