// Nearest-neighbour blocking through a VectorIndex (pgvector's HNSW index in the database): each left
// record's k nearest right records, asked of the database instead of a graph built in this process. The
// in-process graph (nearest-blocking.ts) stays the default without pgvector and for small runs.
import type { NearestQuery, VectorIndex } from '../../embed/vector-search.ts'
import type { MatchRecord } from '../record.ts'
import type { ProposedPair } from './key-blocking.ts'

export interface VectorIndexTarget {
  tenantId: string
  /** The right side's entity kind and text kind in search.embeddings, and the model of its vectors. */
  entityKind: string
  textKind: string
  model: string
}

/** Queries in flight at once (each holds one connection of the pool for its transaction). */
const IN_FLIGHT = 4

export async function blockOnVectorIndex(
  rule: { name: string; left: string; k: number },
  left: MatchRecord[],
  index: VectorIndex,
  target: VectorIndexTarget,
): Promise<ProposedPair[]> {
  const queries = left.flatMap((record) => {
    const vector = record.values[rule.left]
    return vector instanceof Float32Array ? [{ id: record.id, vector }] : []
  })
  const results: ProposedPair[][] = new Array(queries.length)
  let next = 0
  const work = async () => {
    while (next < queries.length) {
      const position = next++
      const { id, vector } = queries[position]!
      const query: NearestQuery = { ...target, vector, k: rule.k }
      const neighbours = await index.nearest(query)
      results[position] = neighbours.map((n) => ({ left: id, right: n.entityId, rule: rule.name }))
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, queries.length) }, work))
  return results.flat()
}
