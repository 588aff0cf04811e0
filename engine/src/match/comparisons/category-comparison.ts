// Categorical states that should agree across systems (ACE stage vs Odoo won/lost/open): configured
// pairs of values are consistent, any other pair of known values is not.
import { foldText } from '../../normalize/fold-text.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { type MatchRecord, stringValue } from '../record.ts'

export function categoryComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  consistent: [string, string][]
}): Comparison<MatchRecord> {
  const normal = (value: string) => foldText(value).trim()
  const pairs = new Set(spec.consistent.map(([a, b]) => `${normal(a)}\u0000${normal(b)}`))
  const leftKnown = new Set(spec.consistent.map(([a]) => normal(a)))
  const rightKnown = new Set(spec.consistent.map(([, b]) => normal(b)))
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} consistent with ${spec.right}`,
    levels: [{ label: 'consistent' }, { label: 'inconsistent' }],
    compare(left, right) {
      const a = stringValue(left, spec.left)
      const b = stringValue(right, spec.right)
      if (!a || !b || !leftKnown.has(normal(a)) || !rightKnown.has(normal(b))) return { level: NULL_LEVEL }
      return { level: pairs.has(`${normal(a)}\u0000${normal(b)}`) ? 0 : 1, value: `${a} / ${b}` }
    },
  }
}
