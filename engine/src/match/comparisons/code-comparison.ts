// Identifier-like codes inside free text (model and part numbers, ISBNs): a shared code is nearly
// decisive; two records that both carry codes but share none are probably different items.
import type { FieldStats } from '../field-stats.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'
import { codeTokens } from '../similarity/tokens.ts'

export function codeComparison(
  spec: { name: string; description?: string | undefined; left: string[]; right: string[] },
  stats: FieldStats,
): Comparison<MatchRecord> {
  const codes = (record: MatchRecord, fields: string[]) =>
    cached(record, `codes:${fields.join(',')}`, () => [
      ...new Set(fields.flatMap((f) => codeTokens(stringValue(record, f)))),
    ])
  const valuesOf = (record: MatchRecord) => {
    const left = codes(record, spec.left)
    return left.length > 0 ? left : codes(record, spec.right)
  }
  return {
    name: spec.name,
    description: spec.description ?? `shared identifier-like codes in ${spec.left.join(', ')}`,
    levels: [{ label: 'same code' }, { label: 'overlapping code' }, { label: 'different codes' }],
    compare(left, right) {
      const a = codes(left, spec.left)
      const b = codes(right, spec.right)
      if (a.length === 0 || b.length === 0) return { level: NULL_LEVEL }
      const other = new Set(b)
      const shared = a.filter((code) => other.has(code))
      if (shared.length > 0) {
        const frequency = Math.min(
          ...shared.map((code) => stats.valueFrequency(`codes:${spec.name}`, code, valuesOf)),
        )
        return { level: 0, value: shared.join(', '), frequency }
      }
      // A code that contains the other (a colour or region suffix: `kdl40v4100b` vs `kdl40v4100`).
      const overlapping = a.find((x) =>
        b.some((y) => Math.min(x.length, y.length) >= 5 && (x.startsWith(y) || y.startsWith(x))),
      )
      if (overlapping) return { level: 1, value: overlapping }
      return { level: 2, value: null }
    },
  }
}
