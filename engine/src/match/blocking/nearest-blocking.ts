// Nearest neighbours by embedding: each left record's k most similar right records. An HNSW index
// (hnswlib-node) over the right side's vectors answers every query in well under a millisecond.
import hnswlib from 'hnswlib-node'
import type { MatchRecord } from '../record.ts'
import type { ProposedPair } from './key-blocking.ts'

export function blockOnNearest(
  rule: { name: string; left: string; right: string; k: number },
  left: MatchRecord[],
  right: MatchRecord[],
): ProposedPair[] {
  const withVectors = right.filter((r) => r.values[rule.right] instanceof Float32Array)
  if (withVectors.length === 0) return []
  const dimensions = (withVectors[0]!.values[rule.right] as Float32Array).length
  const k = Math.min(rule.k, withVectors.length)
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions)
  index.initIndex({ maxElements: withVectors.length, m: 16, efConstruction: 100, randomSeed: 7 })
  for (const [label, record] of withVectors.entries()) {
    index.addPoint(Array.from(record.values[rule.right] as Float32Array), label)
  }
  index.setEf(Math.max(50, k * 2))
  const pairs: ProposedPair[] = []
  for (const record of left) {
    const vector = record.values[rule.left]
    if (!(vector instanceof Float32Array) || vector.length !== dimensions) continue
    const result = index.searchKnn(Array.from(vector), k)
    for (const label of result.neighbors)
      pairs.push({ left: record.id, right: withVectors[label]!.id, rule: rule.name })
  }
  return pairs
}
