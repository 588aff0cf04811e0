// Sets of identifiers on each side (domains, AWS account ids): any shared value is agreement, two known
// sets with nothing in common disagree. The rarest shared value sets the term-frequency adjustment.
import type { FieldStats } from '../field-stats.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { listValue, type MatchRecord } from '../record.ts'

export function setComparison(
  spec: {
    name: string
    description?: string | undefined
    left: string
    right: string
    term_frequency: boolean
  },
  stats: FieldStats,
): Comparison<MatchRecord> {
  const valuesOf = (record: MatchRecord) => {
    const left = listValue(record, spec.left)
    return left.length > 0 ? left : listValue(record, spec.right)
  }
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} shares a value with ${spec.right}`,
    levels: [{ label: 'shared' }, { label: 'none shared' }],
    compare(left, right) {
      const a = listValue(left, spec.left)
      const b = listValue(right, spec.right)
      if (a.length === 0 || b.length === 0) return { level: NULL_LEVEL }
      const other = new Set(b)
      const shared = a.filter((value) => other.has(value))
      if (shared.length === 0) return { level: 1, value: null }
      if (!spec.term_frequency) return { level: 0, value: shared.join(', ') }
      const frequency = Math.min(
        ...shared.map((value) => stats.valueFrequency(`set:${spec.name}`, value, valuesOf)),
      )
      return { level: 0, value: shared.join(', '), frequency }
    },
  }
}
