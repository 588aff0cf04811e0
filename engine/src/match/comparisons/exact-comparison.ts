// Identifiers and categorical values that either agree or not (a CRM id, a year, a state code).
import { foldText } from '../../normalize/fold-text.ts'
import type { FieldStats } from '../field-stats.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'

export function exactComparison(
  spec: {
    name: string
    description?: string | undefined
    left: string
    right: string
    term_frequency: boolean
  },
  stats: FieldStats,
): Comparison<MatchRecord> {
  // folded once per record: a record meets dozens of candidates
  const value = (record: MatchRecord, field: string) =>
    cached(record, `folded:${field}`, () => {
      const raw = stringValue(record, field)
      return raw === null ? null : foldText(raw).trim()
    })
  const valuesOf = (record: MatchRecord) =>
    [value(record, spec.left) ?? value(record, spec.right) ?? ''].filter(Boolean)
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} equals ${spec.right}`,
    levels: [{ label: 'equal' }, { label: 'different' }],
    compare(left, right) {
      const a = value(left, spec.left)
      const b = value(right, spec.right)
      if (!a || !b) return { level: NULL_LEVEL }
      if (a !== b) return { level: 1, value: `${a} ≠ ${b}` }
      const frequency = spec.term_frequency ? stats.valueFrequency(`exact:${spec.name}`, a, valuesOf) : null
      return { level: 0, value: a, frequency }
    },
  }
}
