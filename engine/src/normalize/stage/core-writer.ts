// Bulk upserts and deletes of CORE rows. A row is rewritten only when a value actually changed, so a
// re-run over unchanged input writes nothing.
import type { Sql } from '@revops/db'

/** Columns never compared (bookkeeping). */
const UNCOMPARED = new Set(['normalized_at'])

/** `table` is a trusted, schema-qualified name from this code (never user input). */
export async function upsertCoreRows(
  sql: Sql,
  table: string,
  keyColumns: string[],
  rows: Record<string, unknown>[],
): Promise<number> {
  if (rows.length === 0) return 0
  const columns = Object.keys(rows[0]!)
  const valueColumns = columns.filter((c) => !keyColumns.includes(c) && !UNCOMPARED.has(c))
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length))
  const set = sql.unsafe(valueColumns.map((c) => `${c} = excluded.${c}`).join(', '))
  // postgres.js places the column list right after the table name, so the target table is named in
  // full in the comparison instead of through an alias.
  const compare = sql.unsafe(
    `(${valueColumns.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${valueColumns.map((c) => `excluded.${c}`).join(', ')})`,
  )
  let written = 0
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement)
    const result = await sql`
      insert into ${sql.unsafe(table)} ${sql(chunk as unknown as Record<string, string>[], columns)}
      on conflict (${sql(keyColumns)}) do update set ${set}, normalized_at = now()
      where ${compare}`
    written += result.count
  }
  return written
}

/** Deletes CORE rows by key (rows whose RAW row was deleted at the source). */
export async function deleteCoreRows(
  sql: Sql,
  table: string,
  tenantId: string,
  keyColumn: string,
  keys: (string | number)[],
): Promise<number> {
  if (keys.length === 0) return 0
  const [schema, name] = table.split('.') as [string, string]
  const result = await sql`
    delete from ${sql(schema)}.${sql(name)} where tenant_id = ${tenantId} and ${sql(keyColumn)} = any(${keys.map(String)})`
  return result.count
}

/** Like deleteCoreRows, restricted by further equalities (e.g. `{ basis: 'bill' }`). */
export async function deleteCoreRowsWhere(
  sql: Sql,
  table: string,
  tenantId: string,
  where: Record<string, string>,
  keyColumn: string,
  keys: (string | number)[],
): Promise<number> {
  if (keys.length === 0) return 0
  const [schema, name] = table.split('.') as [string, string]
  const conditions = Object.entries(where).reduce(
    (all, [column, value]) => sql`${all} and ${sql(column)} = ${value}`,
    sql``,
  )
  const result = await sql`
    delete from ${sql(schema)}.${sql(name)}
    where tenant_id = ${tenantId} ${conditions} and ${sql(keyColumn)} = any(${keys.map(String)})`
  return result.count
}
