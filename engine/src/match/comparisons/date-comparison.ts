// Dates that should be close (an opportunity's close date in both systems): levels by days apart.
// Signed, it says which came first and by how much (a lead is created before its ACE registration; an
// AWS referral arrives before the lead): levels by days the right date is earlier, then later.
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'

const DAY_MS = 86_400_000

export function dateComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  days: number[]
  signed?: boolean | undefined
}): Comparison<MatchRecord> {
  const days = [...spec.days].sort((a, b) => a - b)
  // parsed once per record: a record meets dozens of candidates
  const parse = (record: MatchRecord, field: string) =>
    cached(record, `date:${field}`, () => {
      const value = stringValue(record, field)
      if (!value) return null
      const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
      return Number.isNaN(time) ? null : time
    })
  if (spec.signed) return signedComparison(spec, days, parse)
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

function signedComparison(
  spec: { name: string; description?: string | undefined; left: string; right: string },
  days: number[],
  parse: (record: MatchRecord, field: string) => number | null,
): Comparison<MatchRecord> {
  const last = days.at(-1)!
  const side = (word: 'earlier' | 'later') => [
    ...days.map((d, i) => ({
      label: i === 0 ? `up to ${d} days ${word}` : `${days[i - 1]! + 1}–${d} days ${word}`,
    })),
    { label: `more than ${last} days ${word}` },
  ]
  return {
    name: spec.name,
    description: spec.description ?? `${spec.right} before or after ${spec.left}, by how many days`,
    levels: [...side('earlier'), ...side('later')],
    compare(left, right) {
      const a = parse(left, spec.left)
      const b = parse(right, spec.right)
      if (a === null || b === null) return { level: NULL_LEVEL }
      const later = Math.round((b - a) / DAY_MS) || 0 // never -0
      const apart = Math.abs(later)
      const index = days.findIndex((d) => apart <= d)
      const level = (index === -1 ? days.length : index) + (later > 0 ? days.length + 1 : 0)
      return { level, value: later }
    },
  }
}
