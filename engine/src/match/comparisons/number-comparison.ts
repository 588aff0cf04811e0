// Plain numbers (a price, a year): equal, then within configurable relative differences.
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { type MatchRecord, numberValue } from '../record.ts'

export function numberComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  relative: number[]
}): Comparison<MatchRecord> {
  const relative = [...spec.relative].sort((a, b) => a - b)
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} close to ${spec.right}`,
    levels: [
      { label: 'equal' },
      ...relative.map((r) => ({ label: `within ${r * 100} %` })),
      { label: 'different' },
    ],
    compare(left, right) {
      const a = numberValue(left, spec.left)
      const b = numberValue(right, spec.right)
      if (a === null || b === null) return { level: NULL_LEVEL }
      if (a === b) return { level: 0, value: 0 }
      const difference = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b))
      const level = relative.findIndex((r) => difference <= r)
      return {
        level: level === -1 ? relative.length + 1 : level + 1,
        value: Math.round(difference * 1000) / 1000,
      }
    },
  }
}
