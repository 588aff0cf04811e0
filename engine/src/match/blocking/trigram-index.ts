// pg_trgm's trigram similarity, computed in process: an inverted index over the right side's values.
// A pg_trgm query per record (`%` over a GIN index, ordered by `<->`) cost ~30 ms at 10,000 names and
// grows with the table; this index answers a probe in well under a millisecond. Trigrams and similarity
// (shared / union) follow pg_trgm exactly — each word of lower-cased alphanumerics padded with two
// spaces before and one after — and a test compares the two.
//
// Prefix filtering keeps probes cheap without losing any result (AllPairs, Bayardo et al. 2007): two
// values of n and m trigrams with similarity ≥ t share at least ceil(t·max(n, m)) of them, so under one
// order of all trigrams (rarest first, by how many indexed values carry each) the probe's first
// n − ceil(t·n) + 1 trigrams and the value's first m − ceil(t·m) + 1 share one. The index posts only
// those first trigrams of each value, for the lowest threshold it will be asked (`threshold`), and a
// probe looks up only its own first ones; candidates are then verified on their full trigram sets. At
// a threshold of 0.7 that posts and probes about a third of each value's trigrams, the rarest.
import { foldText } from '../../normalize/fold-text.ts'
import { type MatchRecord, stringValue } from '../record.ts'
import type { ProposedPair } from './key-blocking.ts'

/** pg_trgm's trigrams of a string. */
export function trigramsOf(value: string): Set<string> {
  const grams = new Set<string>()
  for (const word of foldText(value).split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue
    const padded = `  ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3))
  }
  return grams
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const gram of small) if (large.has(gram)) shared++
  return shared / (a.size + b.size - shared)
}

export interface TrigramIndex {
  /**
   * Right ids whose value is among the `limit` values most similar to `value` (similarity ≥ threshold),
   * best first; every id carrying one of those values is returned.
   */
  nearest(value: string, threshold: number, limit: number): { id: string; similarity: number }[]
}

/** The fewest trigrams two values share when one of n trigrams is at least t similar to the other. */
function sharedAtLeast(threshold: number, n: number): number {
  // A hair below t·n, so that 0.3 × 10 = 3.0000000000000004 asks for 3, not 4 (losing values exactly at t).
  return Math.max(0, Math.ceil(threshold * n - 1e-9))
}

export function createTrigramIndex(
  entries: { id: string; value: string }[],
  options: {
    /** The lowest threshold `nearest` will be asked with (0: every trigram is posted). */
    threshold?: number
  } = {},
): TrigramIndex {
  const indexedThreshold = options.threshold ?? 0
  // Distinct values are indexed once (many opportunities carry the same customer name) and expand to
  // every id carrying them.
  const valueSlots = new Map<string, number>()
  const slotIds: string[][] = []
  const slotValues: string[] = []
  for (const entry of entries) {
    const key = foldText(entry.value).trim()
    let slot = valueSlots.get(key)
    if (slot === undefined) {
      slot = slotIds.length
      valueSlots.set(key, slot)
      slotIds.push([])
      slotValues.push(entry.value)
    }
    slotIds[slot]!.push(entry.id)
  }
  const gramIds = new Map<string, number>()
  /** Values carrying each trigram: the order of rarity both sides use. */
  const carriers: number[] = []
  const sets = slotValues.map((value) => {
    const ids: number[] = []
    for (const gram of trigramsOf(value)) {
      let id = gramIds.get(gram)
      if (id === undefined) {
        id = carriers.length
        gramIds.set(gram, id)
        carriers.push(0)
      }
      carriers[id]!++
      ids.push(id)
    }
    return Int32Array.from(ids).sort()
  })
  const rarestFirst = (a: number, b: number) => carriers[a]! - carriers[b]! || a - b
  const postings: number[][] = carriers.map(() => [])
  for (const [slot, set] of sets.entries()) {
    const ordered = Array.from(set).sort(rarestFirst)
    const posted = ordered.length - sharedAtLeast(indexedThreshold, ordered.length) + 1
    for (const id of ordered.slice(0, posted)) postings[id]!.push(slot)
  }
  const seen = new Uint8Array(slotValues.length)
  return {
    nearest(value, threshold, limit) {
      if (threshold < indexedThreshold)
        throw new Error(`this trigram index answers thresholds from ${indexedThreshold}, not ${threshold}`)
      const probe = [...trigramsOf(value)].map((gram) => gramIds.get(gram) ?? -1)
      if (probe.length === 0) return []
      // Trigrams no indexed value carries are the rarest of all: they come first in the probe's order.
      const known = probe.filter((id) => id >= 0).sort(rarestFirst)
      const unknown = probe.length - known.length
      const looked = probe.length - sharedAtLeast(threshold, probe.length) + 1 - unknown
      const probeSet = Int32Array.from(known).sort()
      const touched: number[] = []
      for (const id of known.slice(0, Math.max(0, looked))) {
        for (const slot of postings[id]!) {
          if (seen[slot]) continue
          seen[slot] = 1
          touched.push(slot)
        }
      }
      const found: { slot: number; similarity: number }[] = []
      for (const slot of touched) {
        seen[slot] = 0
        const other = sets[slot]!
        const shared = sortedOverlap(probeSet, other)
        const similarity = shared / (probe.length + other.length - shared)
        if (similarity >= threshold) found.push({ slot, similarity })
      }
      found.sort((a, b) => b.similarity - a.similarity || a.slot - b.slot)
      const hits: { id: string; similarity: number }[] = []
      for (const { slot, similarity } of found) {
        if (hits.length >= limit) break
        for (const id of slotIds[slot]!) hits.push({ id, similarity })
      }
      return hits
    },
  }
}

function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared
}

/** Blocking by trigram similarity: each left record's best right records above the threshold. */
export function blockOnTrigrams(
  rule: { name: string; left: string; right: string; threshold: number; limit: number },
  left: MatchRecord[],
  right: MatchRecord[] | TrigramIndex,
): ProposedPair[] {
  const index = Array.isArray(right) ? trigramIndexOf(right, rule.right, rule.threshold) : right
  const pairs: ProposedPair[] = []
  for (const record of left) {
    const value = stringValue(record, rule.left)
    if (!value) continue
    for (const hit of index.nearest(value, rule.threshold, rule.limit)) {
      pairs.push({ left: record.id, right: hit.id, rule: rule.name })
    }
  }
  return pairs
}

/** The index over one field of the right records, for probes at `threshold` or above. */
export function trigramIndexOf(records: MatchRecord[], field: string, threshold = 0): TrigramIndex {
  return createTrigramIndex(
    records.flatMap((record) => {
      const value = stringValue(record, field)
      return value ? [{ id: record.id, value }] : []
    }),
    { threshold },
  )
}
