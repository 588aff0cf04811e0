// The SEARCH stage's writes to search.embeddings: what is stored (to skip unchanged texts), upserts of
// freshly embedded texts in one statement per batch, and removal of texts that are gone.
import type { Sql } from '@revops/db'
import type { TextKind } from './texts.ts'

export interface StoredText {
  textHash: string
  model: string
}

export interface EmbeddingRow {
  entityKind: string
  entityId: string
  textKind: TextKind
  textHash: string
  vector: Float32Array
  sparse: Record<string, number> | null
}

/** Hash and model of every stored text of one entity kind, keyed by `textKey`. */
export async function readStoredTexts(
  sql: Sql,
  tenantId: string,
  entityKind: string,
): Promise<Map<string, StoredText>> {
  const rows = await sql<{ entity_id: string; text_kind: string; text_hash: string; model: string }[]>`
    select entity_id, text_kind, text_hash, model from search.embeddings
    where tenant_id = ${tenantId} and entity_kind = ${entityKind}`
  return new Map(
    rows.map((row) => [textKey(row.entity_id, row.text_kind), { textHash: row.text_hash, model: row.model }]),
  )
}

/** The key of one text of one entity in readStoredTexts' map. */
export function textKey(entityId: string, textKind: string): string {
  return `${textKind}:${entityId}`
}

/** Inserts or replaces a batch of embeddings made by `model` (one statement, arrays unnested). */
export async function upsertEmbeddings(
  sql: Sql,
  tenantId: string,
  model: string,
  rows: EmbeddingRow[],
): Promise<void> {
  if (rows.length === 0) return
  const dimensions = rows[0]!.vector.length
  for (const row of rows) {
    if (row.vector.length !== dimensions)
      throw new Error(`embeddings of one batch differ in length (${dimensions}, ${row.vector.length})`)
  }
  await sql`
    insert into search.embeddings as e
      (tenant_id, entity_kind, entity_id, text_kind, model, dimensions, text_hash, embedding, sparse, updated_at)
    select ${tenantId}, t.entity_kind, t.entity_id, t.text_kind, ${model}, ${dimensions}, t.text_hash,
      t.embedding::real[], t.sparse::jsonb, now()
    from unnest(
      ${rows.map((r) => r.entityKind)}::text[], ${rows.map((r) => r.entityId)}::text[],
      ${rows.map((r) => r.textKind)}::text[], ${rows.map((r) => r.textHash)}::text[],
      ${rows.map((r) => formatRealArray(r.vector))}::text[],
      ${rows.map((r) => (r.sparse ? JSON.stringify(r.sparse) : null))}::text[]
    ) as t(entity_kind, entity_id, text_kind, text_hash, embedding, sparse)
    on conflict (tenant_id, entity_kind, entity_id, text_kind) do update set
      model = excluded.model, dimensions = excluded.dimensions, text_hash = excluded.text_hash,
      embedding = excluded.embedding, sparse = excluded.sparse, updated_at = now()`
}

/** Removes the stored texts of entities that now have no such text (e.g. a description was cleared). */
export async function deleteTexts(
  sql: Sql,
  tenantId: string,
  entityKind: string,
  texts: { entityId: string; textKind: string }[],
): Promise<number> {
  if (texts.length === 0) return 0
  const result = await sql`
    delete from search.embeddings e
    using unnest(${texts.map((t) => t.entityId)}::text[], ${texts.map((t) => t.textKind)}::text[]) as t(entity_id, text_kind)
    where e.tenant_id = ${tenantId} and e.entity_kind = ${entityKind}
      and e.entity_id = t.entity_id and e.text_kind = t.text_kind`
  return result.count
}

/**
 * A `real[]` literal. Nine significant digits give back every float32 exactly and keep the statement
 * a third shorter than JavaScript's double-precision spelling of the same values.
 */
export function formatRealArray(vector: Float32Array): string {
  const parts = new Array<string>(vector.length)
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i]!
    parts[i] = value === 0 ? '0' : value.toPrecision(9)
  }
  return `{${parts.join(',')}}`
}
