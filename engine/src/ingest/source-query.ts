// Builds the statements that read a source table. COPY cannot take bind parameters, so the few values
// that go into them (resume positions) are quoted literals built from values this product stored.
import { quoteIdent, quoteLiteral } from '@revops/db'

export interface TableReadPlan {
  schema: string
  table: string
  primaryKey: string[]
  /** null: the table has no usable watermark and is always read in full. */
  watermarkColumn: string | null
  excludeColumns: string[]
}

export type ReadWindow =
  /** Full pass in primary-key order, after `afterKey` (values of the last committed row) when resuming. */
  | { kind: 'full'; afterKey: string[] | null }
  /** Rows modified at or after `since` (the stored watermark) minus `lookbackSeconds`, oldest first. */
  | { kind: 'incremental'; since: string; lookbackSeconds: number }

/** Constant columns every streamed row carries, so a batch can be copied straight into RAW. */
export interface RowStamp {
  tenantId: string
  source: string
  table: string
  runId: string
}

/** Columns of the COPY stream, in order: the raw.source_rows columns a batch fills. */
export const COPY_COLUMNS = [
  'tenant_id',
  'source',
  'table_name',
  'source_pk',
  'watermark',
  'doc',
  'row_hash',
  'first_seen_run_id',
  'last_seen_run_id',
  'last_changed_run_id',
] as const

/**
 * The COPY that streams rows in the column order of COPY_COLUMNS. The document is the row as JSON
 * rendered by the source server (row_to_json, the cheapest exact rendering: numerics keep every digit)
 * and the hash is md5 of that text; excluded columns are removed through jsonb when configured.
 */
export function buildCopyOutStatement(plan: TableReadPlan, window: ReadWindow, stamp: RowStamp): string {
  const table = `${quoteIdent(plan.schema)}.${quoteIdent(plan.table)}`
  const keyColumns = plan.primaryKey.map(quoteIdent)
  const watermark = plan.watermarkColumn
    ? `t.${quoteIdent(plan.watermarkColumn)}::timestamptz`
    : 'null::timestamptz'
  const document =
    plan.excludeColumns.length > 0
      ? `(to_jsonb(t) - array[${plan.excludeColumns.map(quoteLiteral).join(', ')}]::text[])::text`
      : 'row_to_json(t)::text'
  const where = buildWhere(plan, window, keyColumns)
  const order =
    window.kind === 'full' || !plan.watermarkColumn
      ? keyColumns.map((c) => `t.${c}`).join(', ')
      : `t.${quoteIdent(plan.watermarkColumn)}, ${keyColumns.map((c) => `t.${c}`).join(', ')}`
  const run = quoteLiteral(stamp.runId)
  const constants = [stamp.tenantId, stamp.source, stamp.table].map(quoteLiteral).join(', ')
  return `copy (
  select ${constants}, s.pk, s.wm, s.doc, md5(s.doc)::uuid, ${run}, ${run}, ${run}
  from (
    select ${sourcePkExpression(plan.primaryKey)} as pk, ${watermark} as wm, ${document} as doc
    from ${table} t
    ${where}
    order by ${order}
  ) s
) to stdout`
}

/** Text form of the primary key: the value itself, or a JSON array for composite keys. */
export function sourcePkExpression(primaryKey: string[], alias = 't'): string {
  if (primaryKey.length === 1) return `${alias}.${quoteIdent(primaryKey[0]!)}::text`
  return `jsonb_build_array(${primaryKey.map((c) => `${alias}.${quoteIdent(c)}`).join(', ')})::text`
}

/** Splits a stored source_pk back into the key column values. */
export function splitSourcePk(sourcePk: string, keyLength: number): string[] {
  if (keyLength === 1) return [sourcePk]
  const values = JSON.parse(sourcePk) as unknown[]
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
}

function buildWhere(plan: TableReadPlan, window: ReadWindow, keyColumns: string[]): string {
  if (window.kind === 'full') {
    if (!window.afterKey) return ''
    const tuple = keyColumns.map((c) => `t.${c}`).join(', ')
    const values = window.afterKey.map(quoteLiteral).join(', ')
    return `where (${tuple}) > (${values})`
  }
  if (!plan.watermarkColumn) return ''
  const lookback = Math.max(0, Math.floor(window.lookbackSeconds))
  return `where t.${quoteIdent(plan.watermarkColumn)}::timestamptz >= ${quoteLiteral(window.since)}::timestamptz - interval '${lookback} seconds'`
}

/** The statement that lists every primary key (deletion reconciliation after a full pass). */
export function buildCopyKeysStatement(plan: TableReadPlan): string {
  const table = `${quoteIdent(plan.schema)}.${quoteIdent(plan.table)}`
  return `copy (select ${sourcePkExpression(plan.primaryKey)} from ${table} t) to stdout`
}
