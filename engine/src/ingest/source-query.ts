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

/**
 * The COPY that streams rows as `source_pk, watermark, document, md5(document)`, in the column order
 * of the RAW staging table. The document is built by the source server (`to_jsonb`, nulls stripped so
 * that a column appearing with no values changes no row), which keeps numerics exact.
 */
export function buildCopyOutStatement(plan: TableReadPlan, window: ReadWindow): string {
  const table = `${quoteIdent(plan.schema)}.${quoteIdent(plan.table)}`
  const keyColumns = plan.primaryKey.map(quoteIdent)
  const watermark = plan.watermarkColumn
    ? `t.${quoteIdent(plan.watermarkColumn)}::timestamptz`
    : 'null::timestamptz'
  const excluded =
    plan.excludeColumns.length > 0
      ? ` - array[${plan.excludeColumns.map(quoteLiteral).join(', ')}]::text[]`
      : ''
  const where = buildWhere(plan, window, keyColumns)
  const order =
    window.kind === 'full' || !plan.watermarkColumn
      ? keyColumns.map((c) => `t.${c}`).join(', ')
      : `t.${quoteIdent(plan.watermarkColumn)}, ${keyColumns.map((c) => `t.${c}`).join(', ')}`
  return `copy (
  select s.pk, s.wm, s.doc, md5(s.doc)::uuid
  from (
    select ${sourcePkExpression(plan.primaryKey)} as pk, ${watermark} as wm,
           jsonb_strip_nulls(to_jsonb(t)${excluded})::text as doc
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
