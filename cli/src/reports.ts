// Plain-text summaries printed on stdout by the CLI.
import type { SyncTableReport } from '@revops/engine/ingest'

export function printSyncReport(tables: readonly SyncTableReport[]): void {
  const header = ['table', 'status', 'read', 'inserted', 'updated', 'unchanged', 'deleted', 'ms']
  const rows = tables.map((t) => [
    `${t.source}.${t.table}`,
    t.status,
    t.read,
    t.inserted,
    t.updated,
    t.unchanged,
    t.deleted,
    t.duration_ms,
  ])
  printTable(header, rows)
  for (const table of tables) {
    if (table.message) process.stdout.write(`  ${table.source}.${table.table}: ${table.message}\n`)
  }
}

/** Prints an aligned text table (numbers right-aligned). */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [
    header,
    ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : cell))),
  ]
  const widths = header.map((_, column) => Math.max(...cells.map((row) => String(row[column] ?? '').length)))
  for (const [index, row] of cells.entries()) {
    const line = row
      .map((cell, column) => {
        const numeric = index > 0 && typeof rows[index - 1]?.[column] === 'number'
        return numeric ? String(cell).padStart(widths[column]!) : String(cell).padEnd(widths[column]!)
      })
      .join('  ')
    process.stdout.write(`${line.trimEnd()}\n`)
  }
}
