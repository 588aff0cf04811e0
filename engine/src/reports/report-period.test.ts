import { describe, expect, it } from 'vitest'
import { defaultPeriod, periodBounds, periodLabel, previousPeriod, reportAsOf } from './report-period.ts'

describe('report periods', () => {
  it('reports the month that just ended on the 1st, and the running month later in it', () => {
    expect(defaultPeriod('2026-11-01')).toBe('2026-10')
    expect(defaultPeriod('2026-01-01')).toBe('2025-12')
    expect(defaultPeriod('2026-11-02')).toBe('2026-11')
    expect(defaultPeriod('2026-11-30')).toBe('2026-11')
  })

  it('reads a past month as it stood when it ended, and the running month as of today', () => {
    expect(reportAsOf('2026-10', '2026-11-01')).toBe('2026-11-01')
    expect(reportAsOf('2026-10', '2026-12-06')).toBe('2026-11-01')
    expect(reportAsOf('2026-12', '2026-12-06')).toBe('2026-12-06')
    expect(reportAsOf('2026-12', '2026-12-01')).toBe('2026-12-01')
    expect(() => reportAsOf('2027-01', '2026-12-06')).toThrow('period 2027-01 has not started on 2026-12-06')
  })

  it('steps over year ends and names the month', () => {
    expect(periodBounds('2026-12')).toEqual({ first: '2026-12-01', next: '2027-01-01' })
    expect(periodBounds('2024-02')).toEqual({ first: '2024-02-01', next: '2024-03-01' })
    expect(previousPeriod('2026-01')).toBe('2025-12')
    expect(periodLabel('2026-10')).toBe('October 2026')
    expect(() => previousPeriod('2026-13')).toThrow('is not a month')
  })
})
