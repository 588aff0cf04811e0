// Amounts recorded on different bases (ACE: expected monthly AWS spend; Odoo: total or annual deal
// value): the right amount is compared with the left one times each configured multiplier, and the
// closest ratio decides the level.
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { type MatchRecord, numberValue } from '../record.ts'

const LEVELS = [
  { label: 'equal (within 5 %)', maxLogRatio: Math.log(1.05) },
  { label: 'close (within 25 %)', maxLogRatio: Math.log(1.25) },
  { label: 'same order (within 2×)', maxLogRatio: Math.log(2) },
]

export function amountComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  multipliers: number[]
}): Comparison<MatchRecord> {
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} (× ${spec.multipliers.join(' / ')}) against ${spec.right}`,
    levels: [...LEVELS.map((l) => ({ label: l.label })), { label: 'different' }],
    compare(left, right) {
      const a = numberValue(left, spec.left)
      const b = numberValue(right, spec.right)
      if (a === null || b === null || a <= 0 || b <= 0) return { level: NULL_LEVEL }
      let best = Number.POSITIVE_INFINITY
      let multiplier = 1
      for (const m of spec.multipliers) {
        const logRatio = Math.abs(Math.log((a * m) / b))
        if (logRatio < best) {
          best = logRatio
          multiplier = m
        }
      }
      const level = LEVELS.findIndex((l) => best <= l.maxLogRatio)
      const value = `×${multiplier}: ${(Math.exp(best) * 100 - 100).toFixed(0)} % apart`
      return { level: level === -1 ? LEVELS.length : level, value }
    },
  }
}
