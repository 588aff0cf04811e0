// Loads generated tables into a database: CREATE TABLE, the rows, then indexes, sequences and statistics
// once the rows are in (building indexes after the load is several times faster).
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { quoteIdent, type Sql } from '@revops/db'
import {
  createIndexSql,
  createTableSql,
  describeColumns,
  type TableData,
  toCopyText,
  toInsertSql,
} from './table-spec.ts'

const COPY_BATCH_ROWS = 5_000
const INSERT_BATCH_ROWS = 1_000
/**
 * Tables at least this big go through COPY. Each COPY through postgres.js costs a fixed ~80 ms (measured;
 * its CopyDone goes out as a separate small packet that appears to wait for a delayed ACK), so smaller
 * tables load faster as multi-row INSERTs.
 */
const COPY_THRESHOLD_ROWS = 3_000

export async function loadTables(
  sql: Sql,
  tables: readonly TableData[],
  onTable?: (name: string) => void,
): Promise<void> {
  await sql.unsafe(tables.map(({ spec }) => createTableSql(spec)).join(';\n')).simple()
  for (const table of tables) {
    if (table.rows.length >= COPY_THRESHOLD_ROWS) await copyRows(sql, table)
    else await insertRows(sql, table)
    onTable?.(table.spec.name)
  }
  const finish: string[] = []
  for (const { spec } of tables) {
    finish.push(...createIndexSql(spec))
    const serial = describeColumns(spec).find((column) => column.type === 'serial')
    if (serial) {
      // Explicit ids bypass the sequence; move it past them so later inserts keep working.
      const table = quoteIdent(spec.name)
      const column = quoteIdent(serial.name)
      finish.push(
        `select setval(pg_get_serial_sequence('${table}', '${serial.name}'), coalesce(max(${column}), 0) + 1, false) from ${table}`,
      )
    }
  }
  finish.push(`analyze ${tables.map(({ spec }) => quoteIdent(spec.name)).join(', ')}`)
  await sql.unsafe(finish.join(';\n')).simple()
}

async function insertRows(sql: Sql, { spec, rows }: TableData): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
    await sql.unsafe(toInsertSql(spec, rows.slice(start, start + INSERT_BATCH_ROWS))).simple()
  }
}

async function copyRows(sql: Sql, { spec, rows }: TableData): Promise<void> {
  const columns = describeColumns(spec)
    .map((column) => quoteIdent(column.name))
    .join(', ')
  const writable = await sql.unsafe(`copy ${quoteIdent(spec.name)} (${columns}) from stdin`).writable()
  function* chunks() {
    for (let start = 0; start < rows.length; start += COPY_BATCH_ROWS) {
      yield toCopyText(spec, rows.slice(start, start + COPY_BATCH_ROWS))
    }
  }
  await pipeline(Readable.from(chunks()), writable)
}
