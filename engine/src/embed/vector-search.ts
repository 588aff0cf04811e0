// What a nearest-neighbour index answers, whichever implementation (pgvector, in process) answers it.
import type { Neighbour } from './memory-partition.ts'

export interface NearestQuery {
  tenantId: string
  entityKind: string
  textKind: string
  /** Only vectors of this model are compared (never mix models). */
  model: string
  vector: Float32Array
  k: number
}

export interface VectorIndex {
  /** Which implementation answers: `pgvector` (in the database) or `memory` (in this process). */
  kind: 'pgvector' | 'memory'
  /** Up to k nearest entities, most similar first (cosine similarity). */
  nearest(query: NearestQuery): Promise<Neighbour[]>
  /** Makes writes to search.embeddings since the last refresh visible (in-process index). */
  refresh?(): Promise<void>
  /** Releases in-process memory. */
  close(): Promise<void>
}
