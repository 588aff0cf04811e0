import { describe, expect, it } from 'vitest'
import {
  formatBits,
  formatDate,
  formatDuration,
  formatMoney,
  formatMoneyCompact,
  formatPercent,
  formatRelative,
  formatShare,
  humanize,
  MISSING,
} from './format.ts'

describe('format', () => {
  it('writes money with its currency in the given locale, cents only when there are any', () => {
    expect(formatMoney('12500', 'USD', 'en-US')).toBe('$12,500')
    expect(formatMoney('12500.5', 'USD', 'en-US')).toBe('$12,500.50')
    expect(formatMoney(12500, 'USD', 'de-DE')).toBe('12.500\u00a0$')
    expect(formatMoney(99.9, 'EUR', 'en-US')).toBe('€99.90')
    expect(formatMoneyCompact('1234567', 'USD', 'en-US')).toBe('$1.2M')
  })

  it('shows a dash for missing values, never zero', () => {
    expect(formatMoney(null)).toBe(MISSING)
    expect(formatMoney('')).toBe(MISSING)
    expect(formatDate(null)).toBe(MISSING)
    expect(formatPercent(undefined)).toBe(MISSING)
    expect(formatShare(3, 0)).toBe(MISSING)
  })

  it('reads calendar dates in local time so they never shift a day', () => {
    expect(formatDate('2026-11-01', 'en-US')).toBe('Nov 1, 2026')
    expect(formatDate('2026-01-31', 'en-GB')).toBe('31 Jan 2026')
  })

  it('formats ratios, durations, bits, relative times and identifiers', () => {
    expect(formatPercent(0.973, 1, 'en-US')).toBe('97.3%')
    expect(formatShare(1, 4, 'en-US')).toBe('25%')
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(4230)).toBe('4.2 s')
    expect(formatDuration(185_000)).toBe('3 min 5 s')
    expect(formatBits(3.24)).toBe('+3.2')
    expect(formatBits(-1)).toBe('−1.0')
    expect(formatBits(0.01)).toBe('±0.0')
    const now = new Date('2026-11-01T12:00:00Z')
    expect(formatRelative('2026-11-01T11:55:00Z', now, 'en-US')).toBe('5 minutes ago')
    expect(formatRelative('2026-10-31T12:00:00Z', now, 'en-US')).toBe('yesterday')
    expect(humanize('spend_threshold')).toBe('Spend threshold')
  })
})
