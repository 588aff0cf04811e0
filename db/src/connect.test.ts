import { describe, expect, it } from 'vitest'
import { useTestDatabase } from './testing/index.ts'

const db = useTestDatabase({ empty: true })

describe('connect', () => {
  it('keeps microseconds of timestamps passed as text, dates as text, numerics exact', async () => {
    const [row] = await db.sql`
      select ${'2026-11-27 20:04:57.700226+00'}::timestamptz::text as stamp,
             ${new Date('2026-01-02T03:04:05.678Z')}::timestamptz::text as from_date,
             date '2026-03-01' as day, 12345678901234567890.123::numeric as amount, now() as now`
    expect(row).toMatchObject({
      stamp: '2026-11-27 20:04:57.700226+00',
      from_date: '2026-01-02 03:04:05.678+00',
      day: '2026-03-01',
      amount: '12345678901234567890.123',
    })
    expect(row!.now).toBeInstanceOf(Date)
  })
})
