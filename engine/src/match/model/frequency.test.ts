import { describe, expect, it } from 'vitest'
import { type ComparisonParameters, frequencyBits } from './parameters.ts'

const name: ComparisonParameters = {
  name: 'company_name',
  m: [0.8, 0.2],
  u: [0.3, 0.7],
  agreeAtRandom: 0.004,
}

describe('term-frequency adjustment', () => {
  it('weighs agreement on a rare value up and on a common value down, relative to the average', () => {
    const rare = frequencyBits(name, { level: 0, frequency: 0.002 })
    const common = frequencyBits(name, { level: 0, frequency: 0.032 })
    expect(rare).toBeCloseTo(1, 10) // half as common as the average agreement: +1 bit
    expect(common).toBeCloseTo(-3, 10)
    expect(frequencyBits(name, { level: 0, frequency: 0.004 })).toBeCloseTo(0, 10)
  })

  it('is capped, and absent below the top level, without a frequency or given a parent', () => {
    expect(frequencyBits(name, { level: 0, frequency: 1e-12 })).toBe(5)
    expect(frequencyBits(name, { level: 0, frequency: 1 })).toBe(-5)
    expect(frequencyBits(name, { level: 1, frequency: 0.002 })).toBe(0)
    expect(frequencyBits(name, { level: 0 })).toBe(0)
    expect(frequencyBits({ ...name, agreeAtRandom: undefined }, { level: 0, frequency: 0.002 })).toBe(0)
    const child = { ...name, given: { parent: 0, m: [[0.9, 0.1]], u: [[0.9, 0.1]] } }
    expect(frequencyBits(child, { level: 0, frequency: 0.002 })).toBe(0)
  })
})
