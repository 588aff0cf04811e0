// Vector search inside PostgreSQL with pgvector. The HNSW index (migration 000005) is an expression
// index over every tenant, kind and model, partial on `dimensions = 1024`; filters apply after the
// graph scan, so pgvector >= 0.8's iterative scan keeps reading until k rows pass them, and a short
// answer falls back to an exact scan (older pgvector, or more rows filtered than max_scan_tuples).
import type { Sql } from '@revops/db'
import type { Neighbour } from './memory-partition.ts'
import type { NearestQuery, VectorIndex } from './vector-search.ts'

/** The width the HNSW expression index covers (`embedding::vector(1024)`). */
export const INDEXED_DIMENSIONS = 1024

/**
 * hnsw.ef_search unless told otherwise (at least 2k is used). Measured by `npm run bench:pgvector` on
 * 100,000 x 1024-d, top-50: 100 gave recall@50 0.982 at p95 9.7 ms, 200 gave 0.9945 at p95 8.5 ms.
 */
export const DEFAULT_EF_SEARCH = 200

export interface PgvectorIndexOptions {
  extensionVersion: string
  /** HNSW candidate list (default DEFAULT_EF_SEARCH); at least 2k is used (pgvector caps it at 1000). */
  efSearch?: number
}

/** A VectorIndex that asks PostgreSQL (nothing held in process). */
export function createPgvectorIndex(sql: Sql, options: PgvectorIndexOptions): VectorIndex {
  const iterative = versionAtLeast(options.extensionVersion, [0, 8, 0])
  return {
    kind: 'pgvector',
    async nearest(query) {
      if (query.k <= 0) return []
      const literal = vectorLiteral(query.vector)
      if (query.vector.length === INDEXED_DIMENSIONS) {
        const ef = Math.min(1000, Math.max(options.efSearch ?? DEFAULT_EF_SEARCH, query.k * 2))
        const settings = `set local hnsw.ef_search = ${ef}${iterative ? '; set local hnsw.iterative_scan = relaxed_order' : ''}`
        const rows = await sql.begin(async (tx) => {
          await tx.unsafe(settings)
          return tx<{ entity_id: string; distance: number }[]>`
            select entity_id, embedding::vector(1024) <=> ${literal}::vector(1024) as distance
            from search.embeddings
            where tenant_id = ${query.tenantId} and entity_kind = ${query.entityKind}
              and text_kind = ${query.textKind} and model = ${query.model} and dimensions = 1024
            order by distance
            limit ${query.k}`
        })
        if (rows.length === query.k) return toNeighbours(rows)
      }
      return toNeighbours(await exactNearest(sql, query, literal))
    },
    refresh: async () => {},
    close: async () => {},
  }
}

/**
 * Exact scan of the query's rows. `embedding::vector` (no width) is not the indexed expression, so the
 * planner reads the rows through the (tenant, kind, text kind, model) b-tree and sorts them.
 */
function exactNearest(sql: Sql, query: NearestQuery, literal: string) {
  return sql<{ entity_id: string; distance: number }[]>`
    select entity_id, embedding::vector <=> ${literal}::vector as distance
    from search.embeddings
    where tenant_id = ${query.tenantId} and entity_kind = ${query.entityKind}
      and text_kind = ${query.textKind} and model = ${query.model} and dimensions = ${query.vector.length}
    order by distance
    limit ${query.k}`
}

// relaxed_order may return rows slightly out of order; sorting here restores it.
function toNeighbours(rows: { entity_id: string; distance: number }[]): Neighbour[] {
  return rows
    .map((row) => ({ entityId: row.entity_id, similarity: 1 - Number(row.distance) }))
    .sort((a, b) => b.similarity - a.similarity || (a.entityId < b.entityId ? -1 : 1))
}

/** pgvector's text form of a vector: `[0.1,0.2,…]`. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.prototype.join.call(vector, ',')}]`
}

function versionAtLeast(version: string, minimum: [number, number, number]): boolean {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10) || 0)
  for (let i = 0; i < 3; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i]!
  }
  return true
}
