// Reads a source table's shape at run time from information_schema (never from Odoo's field registry,
// which lists fields that have no column).
import type { Sql } from '@revops/db'
import type { SourceColumn } from './column-changes.ts'

export interface DiscoveredTable {
  exists: boolean
  columns: SourceColumn[]
  primaryKey: string[]
  /** The planner's row estimate, for progress bars. */
  estimatedRows: number | null
}

export async function discoverTable(sql: Sql, schema: string, table: string): Promise<DiscoveredTable> {
  const columns = await sql<{ name: string; data_type: string; ordinal: number }[]>`
    select column_name as name,
           case when data_type in ('USER-DEFINED', 'ARRAY') then udt_name else data_type end as data_type,
           ordinal_position::int as ordinal
    from information_schema.columns
    where table_schema = ${schema} and table_name = ${table}
    order by ordinal_position
  `
  if (columns.length === 0) return { exists: false, columns: [], primaryKey: [], estimatedRows: null }
  const keys = await sql<{ name: string }[]>`
    select kcu.column_name as name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
     and kcu.table_name = tc.table_name
    where tc.table_schema = ${schema} and tc.table_name = ${table} and tc.constraint_type = 'PRIMARY KEY'
    order by kcu.ordinal_position
  `
  const [estimate] = await sql<{ rows: number | null }[]>`
    select case when c.reltuples < 0 then null else c.reltuples::bigint::float8 end as rows
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relname = ${table}
  `
  return {
    exists: true,
    columns: columns.map((c) => ({ name: c.name, dataType: c.data_type, ordinal: c.ordinal })),
    primaryKey: keys.map((k) => k.name),
    estimatedRows: estimate?.rows ?? null,
  }
}
