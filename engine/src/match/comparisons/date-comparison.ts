// Dates that should be close (an opportunity's close date in both systems): levels by days apart.
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { type MatchRecord, stringValue } from '../record.ts'

const DAY_MS = 86_400_000

export function dateComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  days: number[]
}): Comparison<MatchRecord> {
  const days = [...spec.days].sort((a, b) => a - b)
  const parse = (record: MatchRecord, field: string) => {
    const value = stringValue(record, field)
    if (!value) return null
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
    return Number.isNaN(time) ? null : time
  }
  return {
    name: spec.name,
    description: spec.description ?? `${spec.left} close to ${spec.right}`,
    levels: [
      ...days.map((d) => ({ label: `within ${d} days` })),
      { label: `more than ${days.at(-1)} days apart` },
    ],
    compare(left, right) {
      const a = parse(left, spec.left)
      const b = parse(right, spec.right)
      if (a === null || b === null) return { level: NULL_LEVEL }
      const apart = Math.round(Math.abs(a - b) / DAY_MS)
      const level = days.findIndex((d) => apart <= d)
      return { level: level === -1 ? days.length : level, value: apart }
    },
  }
}
