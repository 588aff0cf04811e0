// Reads RAW documents field by field. Fields come out as text (`doc->>'x'`), never through JavaScript
// numbers, so amounts keep their exact decimal value.
import type { Sql } from '@revops/db'

export type RawRecord = Record<string, string | null> & { _pk: string; _deleted: boolean }

export interface RawSelection {
  tenantId: string
  source: string
  table: string
  /** Source column names to read (as text). */
  fields: readonly string[]
  /** Only these keys; all live rows when omitted. */
  pks?: readonly string[] | undefined
}

function fieldList(sql: Sql, fields: readonly string[]) {
  return fields
    .map((field, index) => sql`doc->>${field} as ${sql(`f${index}`)}`)
    .reduce((list, item) => sql`${list}, ${item}`)
}

function toRecord(row: Record<string, string | null>, fields: readonly string[]): RawRecord {
  const record: Record<string, string | null> = {}
  fields.forEach((field, index) => {
    record[field] = row[`f${index}`] ?? null
  })
  return Object.assign(record, { _pk: row._pk as string, _deleted: Boolean(row._deleted) })
}

/** Reads the selected rows (deleted ones included when `pks` is given, so callers can remove them). */
export async function readRaw(sql: Sql, selection: RawSelection): Promise<RawRecord[]> {
  if (selection.pks && selection.pks.length === 0) return []
  const rows = await sql<Record<string, string | null>[]>`
    select source_pk as "_pk", deleted_at is not null as "_deleted", ${fieldList(sql, selection.fields)}
    from raw.source_rows
    where tenant_id = ${selection.tenantId} and source = ${selection.source} and table_name = ${selection.table}
      ${selection.pks ? sql`and source_pk = any(${selection.pks as string[]})` : sql`and deleted_at is null`}`
  return rows.map((row) => toRecord(row, selection.fields))
}

/** Reads whole documents (for sources whose records nest, such as the Selling API's). */
export async function readRawDocs(
  sql: Sql,
  selection: Omit<RawSelection, 'fields'>,
): Promise<{ _pk: string; _deleted: boolean; doc: unknown }[]> {
  if (selection.pks && selection.pks.length === 0) return []
  return sql<{ _pk: string; _deleted: boolean; doc: unknown }[]>`
    select source_pk as "_pk", deleted_at is not null as "_deleted", doc
    from raw.source_rows
    where tenant_id = ${selection.tenantId} and source = ${selection.source} and table_name = ${selection.table}
      ${selection.pks ? sql`and source_pk = any(${selection.pks as string[]})` : sql`and deleted_at is null`}`
}

/**
 * Streams the rows changed inside a change window (or every row for a full run) in batches, deleted
 * rows included, for the large billing tables.
 */
export async function* streamChangedRaw(
  sql: Sql,
  selection: Omit<RawSelection, 'pks'> & {
    from: string
    to: string
    /** Also rows whose `field` holds one of `values` (e.g. lines of changed bills). */
    alsoWhere?: { field: string; values: string[] } | undefined
  },
  batchSize = 5000,
): AsyncGenerator<RawRecord[]> {
  const also = selection.alsoWhere
  const cursor = sql<Record<string, string | null>[]>`
    select source_pk as "_pk", deleted_at is not null as "_deleted", ${fieldList(sql, selection.fields)}
    from raw.source_rows
    where tenant_id = ${selection.tenantId} and source = ${selection.source} and table_name = ${selection.table}
      and ((change_seq > ${selection.from} and change_seq <= ${selection.to})
        ${also && also.values.length > 0 ? sql`or (deleted_at is null and doc->>${also.field} = any(${also.values}))` : sql``})`.cursor(
    batchSize,
  )
  for await (const rows of cursor) yield rows.map((row) => toRecord(row, selection.fields))
}

/** Parses an integer id field ('42' -> 42); anything else is null. */
export function intId(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^-?\d{1,15}$/.test(value)) return null
  return Number(value)
}

/** Parses a JSON boolean field as text ('true'/'false'). */
export function bool(value: string | null | undefined, fallback = false): boolean {
  if (value === null || value === undefined) return fallback
  return value === 'true' || value === 't' || value === '1'
}

/** A trimmed string or null for blank. */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** A date (first 10 chars of an ISO date/timestamp) or null. */
export function isoDateOf(value: string | null | undefined): string | null {
  if (!value) return null
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value)
  return match ? match[1]! : null
}

/** A naive Odoo timestamp (UTC by contract) or an ISO timestamp with offset, as a timestamptz string. */
export function utcTimestamp(value: string | null | undefined): string | null {
  if (!value) return null
  return /([zZ]|[+-]\d{2}(:?\d{2})?)$/.test(value) ? value : `${value}Z`
}
