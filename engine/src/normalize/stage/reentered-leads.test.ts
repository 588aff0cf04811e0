import { describe, expect, it } from 'vitest'
import { dealWords, sameDeal } from './reentered-leads.ts'

const overlap = (a: string, b: string, customer = 'Acme Robotics') =>
  sameDeal(dealWords(a, customer), dealWords(b, customer))

describe('re-entered lead titles', () => {
  it('reads a retyped, copied or upper-cased title as the same deal', () => {
    expect(overlap('Acme Robotics - Data lake migration', 'Data lake migration (copy)')).toBe(1)
    expect(overlap('Data Lake Migration', 'DATA LAKE MIGRATION - new')).toBe(1)
  })

  it("does not read a customer's next phase or another kind of deal as the same deal", () => {
    expect(overlap('Data lake migration', 'Data lake migration Phase 2')).toBeLessThan(0.75)
    expect(overlap('Acme Robotics - SAP on AWS', 'Acme Robotics - Data lake migration')).toBe(0)
  })
})
