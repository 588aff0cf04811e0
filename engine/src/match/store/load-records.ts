// Loads one side of a matching problem from CORE with the tenant's SQL expressions, and attaches the
// record's embeddings (dense vector and sparse weights) from search.embeddings.
import type { Sql } from '@revops/db'
import { DUPLICATE_OF_FIELD } from '../blocking/earlier-records.ts'
import type { RecordSource } from '../config/matching-config.ts'
import { createRecord, type FieldValue, type MatchRecord } from '../record.ts'
import { type CachedVector, processVectorCache, type VectorCache } from './vector-cache.ts'

export interface LoadOptions {
  /** Only these ids (incremental runs). */
  ids?: string[] | undefined
  /** Only records changed after this time. */
  changedAfter?: string | null | undefined
  /** Embedding model per vector field (default: the newest model of each text kind). */
  models?: Record<string, string> | undefined
  /** Vectors kept from earlier loads (the process's cache unless told; pass null to read all anew). */
  vectorCache?: VectorCache | null | undefined
}

export interface LoadedSide {
  records: MatchRecord[]
  /** The embedding model whose vectors were attached, per vector field. */
  models: Record<string, string>
  /** Milliseconds reading the rows and the vectors. */
  timings: { rows: number; vectors: number }
  /** Newest change time among the loaded records. */
  newestChange: string | null
}

export async function loadRecords(
  sql: Sql,
  tenantId: string,
  source: RecordSource,
  options: LoadOptions = {},
): Promise<LoadedSide> {
  const fields = Object.entries(source.fields)
  const select = [
    `(${source.id})::text as "__id"`,
    // As text: JavaScript dates would drop the microseconds and every row would look changed again.
    `(${source.updated})::timestamptz::text as "__updated"`,
    ...fields.map(([name, expression]) => `${expression} as "${name}"`),
    ...(source.duplicate_of ? [`(${source.duplicate_of})::text as "${DUPLICATE_OF_FIELD}"`] : []),
  ].join(',\n  ')
  const conditions = [`${source.tenant} = $1`]
  const parameters: unknown[] = [tenantId]
  if (options.ids) {
    parameters.push(options.ids)
    conditions.push(`(${source.id})::text = any($${parameters.length}::text[])`)
  }
  if (options.changedAfter) {
    parameters.push(options.changedAfter)
    conditions.push(`(${source.updated}) > $${parameters.length}::timestamptz`)
  }
  const started = performance.now()
  // In id order: the model's random pairs are drawn by position, so the same records give the same model
  // whatever order they were written in (an APN load and a Selling API load write them differently).
  const rows = await sql.unsafe<Record<string, unknown>[]>(
    `select ${select}\nfrom ${source.from}\nwhere ${conditions.join(' and ')}\norder by 1`,
    parameters as never[],
  )
  let newestChange: string | null = null
  const records = rows.map((row) => {
    const updated =
      row.__updated instanceof Date ? row.__updated.toISOString() : (row.__updated as string | null)
    if (updated && (!newestChange || updated > newestChange)) newestChange = updated
    const values: Record<string, FieldValue> = {}
    for (const [name] of fields) values[name] = toFieldValue(row[name])
    if (source.duplicate_of) values[DUPLICATE_OF_FIELD] = toFieldValue(row[DUPLICATE_OF_FIELD])
    return createRecord(String(row.__id), values)
  })
  const rowsMs = performance.now() - started
  const models = options.models ?? (await newestModels(sql, tenantId, source))
  if (records.length > 0) {
    const cache = options.vectorCache === undefined ? processVectorCache : options.vectorCache
    await attachVectors(sql, tenantId, source, records, models, cache)
  }
  const timings = { rows: Math.round(rowsMs), vectors: Math.round(performance.now() - started - rowsMs) }
  return { records, newestChange, models, timings }
}

function toFieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(String)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/**
 * Dense vectors come as `array_send` bytes (binary real[]: parsing text arrays of 1,024 floats per
 * record would dominate the run), of one model per text kind. With a cache, only vectors whose row
 * changed since they were cached are read.
 */
async function attachVectors(
  sql: Sql,
  tenantId: string,
  source: RecordSource,
  records: MatchRecord[],
  models: Record<string, string>,
  cache: VectorCache | null,
): Promise<void> {
  const ids = records.map((r) => r.id)
  // A few records (one opportunity matched on demand) ask for their own stamps; many ask for all.
  const some = ids.length <= 5000
  for (const [field, textKind] of Object.entries(source.vectors)) {
    const model = models[field]
    if (!model) continue
    // One process may serve several databases (tests do): the key names the database too.
    const key = [
      sql.options.host,
      sql.options.port,
      sql.options.database,
      tenantId,
      source.entity,
      textKind,
    ].join('\u0000')
    const cached = cache?.get(key) ?? new Map<string, CachedVector>()
    const stamps = await sql<{ entity_id: string; stamp: string }[]>`
      select entity_id, model || '@' || updated_at::text as stamp from search.embeddings
      where tenant_id = ${tenantId} and entity_kind = ${source.entity} and text_kind = ${textKind} and model = ${model}
        ${some ? sql`and entity_id = any(${ids})` : sql``}`
    const stale = stamps
      .filter((row) => cached.get(row.entity_id)?.stamp !== row.stamp)
      .map((row) => row.entity_id)
    for (let start = 0; start < stale.length; start += 5000) {
      const rows = await sql<
        { entity_id: string; stamp: string; vector: Buffer; sparse: Record<string, number> | null }[]
      >`
        select e.entity_id, e.model || '@' || e.updated_at::text as stamp, array_send(e.embedding) as vector, e.sparse
        from search.embeddings e
        where e.tenant_id = ${tenantId} and e.entity_kind = ${source.entity} and e.text_kind = ${textKind}
          and e.entity_id = any(${stale.slice(start, start + 5000)}) and e.model = ${model}`
      for (const row of rows)
        cached.set(row.entity_id, {
          stamp: row.stamp,
          vector: decodeRealArray(row.vector),
          sparse: row.sparse,
        })
    }
    // Vectors whose rows are gone (of the records asked for, or of the whole side) are forgotten.
    const live = new Set(stamps.map((row) => row.entity_id))
    for (const id of some ? ids : [...cached.keys()]) if (!live.has(id)) cached.delete(id)
    const sparseField = `${field}_sparse`
    for (const record of records) {
      const entry = cached.get(record.id)
      if (!entry) continue
      record.values[field] = entry.vector
      if (entry.sparse) record.values[sparseField] = entry.sparse
    }
    cache?.set(key, cached)
  }
}

/** Decodes PostgreSQL's binary array format for a one-dimensional real[]. */
export function decodeRealArray(bytes: Buffer): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const dimensions = view.getInt32(0)
  if (dimensions === 0) return new Float32Array(0)
  const length = view.getInt32(12)
  const out = new Float32Array(length)
  let offset = 20
  for (let i = 0; i < length; i++) {
    const size = view.getInt32(offset)
    offset += 4
    out[i] = size === 4 ? view.getFloat32(offset) : Number.NaN
    offset += Math.max(0, size)
  }
  return out
}

/** The most recently used embedding model of each vector field (one query per field). */
async function newestModels(
  sql: Sql,
  tenantId: string,
  source: RecordSource,
): Promise<Record<string, string>> {
  const models: Record<string, string> = {}
  for (const [field, textKind] of Object.entries(source.vectors)) {
    const [row] = await sql<{ model: string }[]>`
      select model from search.embeddings
      where tenant_id = ${tenantId} and entity_kind = ${source.entity} and text_kind = ${textKind}
      group by model order by max(updated_at) desc limit 1`
    if (row) models[field] = row.model
  }
  return models
}
