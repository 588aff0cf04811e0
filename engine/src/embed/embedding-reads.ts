// Reads of search.embeddings for the in-process vector index: pages of vectors in their binary form
// (array_send, decoded here: several times faster than parsing the text of 1024 floats per row),
// partition sizes and ids (to notice deletions).
import type { Sql } from '@revops/db'

/** The vectors of one tenant, entity kind, text kind and model: what one index searches. */
export interface Partition {
  tenantId: string
  entityKind: string
  textKind: string
  model: string
}

export interface StoredVector {
  entityId: string
  textHash: string
  vector: Float32Array
}

/** One page of a partition's vectors in entity id order, after `afterId` (null: from the start). */
export async function readVectorPage(
  sql: Sql,
  partition: Partition,
  options: { afterId: string | null; limit: number },
): Promise<StoredVector[]> {
  const rows = await sql<VectorRow[]>`
    select entity_id, text_hash, array_send(embedding) as data
    from search.embeddings
    where tenant_id = ${partition.tenantId} and entity_kind = ${partition.entityKind}
      and text_kind = ${partition.textKind} and model = ${partition.model}
      and entity_id > ${options.afterId ?? ''}
    order by entity_id
    limit ${options.limit}`
  return rows.map(toStoredVector)
}

/** Entity ids and text hashes of rows updated at or after `since` (timestamptz text, microseconds kept). */
export async function readChangedHashes(
  sql: Sql,
  partition: Partition,
  since: string,
): Promise<{ entityId: string; textHash: string }[]> {
  const rows = await sql<{ entity_id: string; text_hash: string }[]>`
    select entity_id, text_hash from search.embeddings
    where tenant_id = ${partition.tenantId} and entity_kind = ${partition.entityKind}
      and text_kind = ${partition.textKind} and model = ${partition.model}
      and updated_at >= ${since}::timestamptz`
  return rows.map((row) => ({ entityId: row.entity_id, textHash: row.text_hash }))
}

/** The vectors of the given entities. */
export async function readVectors(
  sql: Sql,
  partition: Partition,
  entityIds: string[],
): Promise<StoredVector[]> {
  const rows = await sql<VectorRow[]>`
    select entity_id, text_hash, array_send(embedding) as data
    from search.embeddings
    where tenant_id = ${partition.tenantId} and entity_kind = ${partition.entityKind}
      and text_kind = ${partition.textKind} and model = ${partition.model}
      and entity_id = any(${entityIds}::text[])`
  return rows.map(toStoredVector)
}

interface VectorRow {
  entity_id: string
  text_hash: string
  data: Buffer
}

function toStoredVector(row: VectorRow): StoredVector {
  return { entityId: row.entity_id, textHash: row.text_hash, vector: decodeRealArray(row.data) }
}

/** How many vectors a partition holds. */
export async function countVectors(sql: Sql, partition: Partition): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from search.embeddings
    where tenant_id = ${partition.tenantId} and entity_kind = ${partition.entityKind}
      and text_kind = ${partition.textKind} and model = ${partition.model}`
  return row!.n
}

/** Every entity id of a partition. */
export async function listVectorIds(sql: Sql, partition: Partition): Promise<string[]> {
  const rows = await sql<{ entity_id: string }[]>`
    select entity_id from search.embeddings
    where tenant_id = ${partition.tenantId} and entity_kind = ${partition.entityKind}
      and text_kind = ${partition.textKind} and model = ${partition.model}`
  return rows.map((row) => row.entity_id)
}

/** The database's clock minus `seconds`, as timestamptz text (microseconds kept). */
export async function databaseTimeMinus(sql: Sql, seconds: number): Promise<string> {
  const [row] = await sql<
    { at: string }[]
  >`select (clock_timestamp() - make_interval(secs => ${seconds}))::text as at`
  return row!.at
}

/**
 * Decodes PostgreSQL's binary array format of a one-dimensional `real[]`: a header (dimensions,
 * null flag, element type, then length and lower bound per dimension) and per element a 4-byte
 * length and a big-endian float4.
 */
export function decodeRealArray(data: Buffer): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const dimensions = view.getInt32(0)
  if (dimensions === 0) return new Float32Array(0)
  if (dimensions !== 1) throw new Error(`expected a one-dimensional real[], got ${dimensions} dimensions`)
  const length = view.getInt32(12)
  const vector = new Float32Array(length)
  let offset = 20
  for (let i = 0; i < length; i++) {
    if (view.getInt32(offset) !== 4) throw new Error('real[] with a null or non-float4 element')
    vector[i] = view.getFloat32(offset + 4)
    offset += 8
  }
  return vector
}
