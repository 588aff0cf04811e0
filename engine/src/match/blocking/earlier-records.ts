// A re-entered right record (the same deal typed again later, `right.duplicate_of`) brings the earlier
// record it re-enters along as a candidate: the earlier one may be the counterpart even where nothing
// else proposed it (its customer field holds a person, or the customer has been renamed since), and the
// joint step gives it the re-entry's evidence (joint-links.ts).
import type { CandidatePair } from '../match-engine.ts'
import type { MatchRecord } from '../record.ts'

/** The reserved record field holding the id of the earlier record a right record re-enters. */
export const DUPLICATE_OF_FIELD = '__duplicate_of'

/** Adds (left, earlier) for every candidate (left, re-entry) whose earlier record exists (provenance `reentry_of`). */
export function withEarlierRecords(
  candidates: readonly CandidatePair[],
  right: readonly MatchRecord[],
): CandidatePair[] {
  const earlierOf = new Map<string, string>()
  const rightIds = new Set<string>()
  for (const record of right) {
    rightIds.add(record.id)
    const earlier = record.values[DUPLICATE_OF_FIELD]
    if (typeof earlier === 'string' && earlier !== record.id) earlierOf.set(record.id, earlier)
  }
  if (earlierOf.size === 0) return [...candidates]
  const proposed = new Set(candidates.map((pair) => `${pair.left}\u0000${pair.right}`))
  const added: CandidatePair[] = []
  for (const pair of candidates) {
    const earlier = earlierOf.get(pair.right)
    if (earlier === undefined || !rightIds.has(earlier)) continue
    const key = `${pair.left}\u0000${earlier}`
    if (proposed.has(key)) continue
    proposed.add(key)
    added.push({ left: pair.left, right: earlier, provenance: ['reentry_of'] })
  }
  return [...candidates, ...added]
}
