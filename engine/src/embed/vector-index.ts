// Nearest-neighbour search over search.embeddings: in PostgreSQL through pgvector's HNSW index when
// the extension is installed, in process (hnswlib) otherwise. Both answer the same contract.
import type { Sql } from '@revops/db'
import { type Logger, silentLogger } from '../shared/logger.ts'
import { createMemoryVectorIndex, type MemoryIndexOptions } from './memory-index.ts'
import { createPgvectorIndex } from './pgvector-index.ts'
import type { VectorIndex } from './vector-search.ts'

export type { Neighbour } from './memory-partition.ts'
export type { NearestQuery, VectorIndex } from './vector-search.ts'

export interface VectorIndexOptions {
  /** `auto` uses pgvector when the extension is installed. */
  prefer?: 'auto' | 'pgvector' | 'memory'
  memory?: Omit<MemoryIndexOptions, 'log'>
  log?: Logger
}

/** Opens the index that fits the database: pgvector's when installed, else the in-process one. */
export async function openVectorIndex(sql: Sql, options: VectorIndexOptions = {}): Promise<VectorIndex> {
  const log = options.log ?? silentLogger
  const prefer = options.prefer ?? 'auto'
  const version = prefer === 'memory' ? null : await pgvectorVersion(sql)
  if (prefer === 'pgvector' && version === null)
    throw new Error('the vector extension is not installed in the product database')
  if (version !== null) {
    log.debug(`vector search: pgvector ${version} in the database`)
    return createPgvectorIndex(sql, { extensionVersion: version })
  }
  log.debug('vector search: in process (no pgvector in the database)')
  return createMemoryVectorIndex(sql, { ...options.memory, log })
}

/** The installed pgvector version, or null. */
export async function pgvectorVersion(sql: Sql): Promise<string | null> {
  const [row] = await sql<
    { extversion: string }[]
  >`select extversion from pg_extension where extname = 'vector'`
  return row?.extversion ?? null
}
