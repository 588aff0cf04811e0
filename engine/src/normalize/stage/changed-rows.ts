// The loop every billing normaliser runs: stream the RAW rows changed in the window in batches, turn each
// batch into CORE rows (reporting data-quality issues on the way), upsert them, delete the CORE rows the
// batch no longer produces, save the batch's issues, report progress. A normaliser says only what differs.
import { upsertCoreRows } from './core-writer.ts'
import { type DataQualityIssue, saveIssues } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { type RawRecord, streamChangedRaw } from './raw-docs.ts'

/** Reports a warning about one RAW row of the table being normalised. */
export type ReportIssue = (pk: string, kind: string, field: string, detail: Record<string, unknown>) => void

export interface ChangedRowsSpec<Row extends { raw_pk: string }> {
  /** The entity's name in the report. */
  entity: string
  /** The Odoo RAW table read, and the fields read from it. */
  table: string
  fields: readonly string[]
  /** Also rows whose `field` holds one of `values` (e.g. lines of changed bills). */
  alsoWhere?: { field: string; values: string[] } | undefined
  /** The CORE table written and its key. */
  target: { table: string; key: string[] }
  /** The CORE rows of one batch (deleted RAW rows produce none). */
  toRows(batch: RawRecord[], issue: ReportIssue): Row[]
  /** Deletes the CORE rows the batch's RAW rows no longer produce; returns how many. */
  deleteGone(batch: RawRecord[], rows: Row[]): Promise<number>
  /** The issue kinds this normaliser owns (resolved when not found again); none: it reports none. */
  issueKinds?: string[]
  /** The progress step's name; none: no progress per batch. */
  progressStep?: string
}

export async function normalizeChangedRows<Row extends { raw_pk: string }>(
  ctx: NormalizeContext,
  spec: ChangedRowsSpec<Row>,
): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  const result: EntityResult = { entity: spec.entity, examined: 0, written: 0, deleted: 0 }
  const batches = streamChangedRaw(sql, {
    tenantId,
    source: 'odoo',
    table: spec.table,
    fields: spec.fields,
    from: window.from,
    to: window.to,
    alsoWhere: spec.alsoWhere,
  })
  for await (const batch of batches) {
    result.examined += batch.length
    const issues: DataQualityIssue[] = []
    const issue: ReportIssue = (pk, kind, field, detail) =>
      issues.push({ kind, severity: 'warning', source: 'odoo', table: spec.table, pk, field, detail })
    const rows = spec.toRows(batch, issue)
    result.written += await upsertCoreRows(sql, spec.target.table, spec.target.key, rows)
    result.deleted += await spec.deleteGone(batch, rows)
    if (spec.issueKinds) {
      const scope = {
        source: 'odoo',
        table: spec.table,
        kinds: spec.issueKinds,
        pks: batch.map((r) => r._pk),
      }
      await saveIssues(sql, tenantId, scope, issues)
      ctx.issues.count(issues)
    }
    if (spec.progressStep) ctx.onProgress({ step: spec.progressStep, done: result.examined })
  }
  return result
}

/** One entity's result from several passes (e.g. two source tables of one CORE table). */
export function combineResults(entity: string, results: EntityResult[]): EntityResult {
  return {
    entity,
    examined: results.reduce((sum, r) => sum + r.examined, 0),
    written: results.reduce((sum, r) => sum + r.written, 0),
    deleted: results.reduce((sum, r) => sum + r.deleted, 0),
  }
}

/** The RAW keys of a batch whose rows were not produced again. */
export function goneKeys(batch: RawRecord[], rows: { raw_pk: string }[]): string[] {
  const kept = new Set(rows.map((row) => row.raw_pk))
  return batch.filter((record) => !kept.has(record._pk)).map((record) => record._pk)
}
