// Collects data-quality issues found while normalising and writes them to ops.data_quality_issues.
// Issues of re-normalised rows that were not found again are marked resolved.
import type { Sql } from '@revops/db'

export type IssueSeverity = 'info' | 'warning' | 'error'

export interface DataQualityIssue {
  kind: string
  severity: IssueSeverity
  source: string
  table: string
  pk: string
  field?: string
  detail?: Record<string, unknown>
}

export class IssueLog {
  readonly issues: DataQualityIssue[] = []
  /** Issues saved batch by batch (the large billing tables): counted for the report, not kept. */
  private readonly saved: Record<string, number> = {}

  add(issue: DataQualityIssue): void {
    this.issues.push(issue)
  }

  count(issues: readonly DataQualityIssue[]): void {
    for (const issue of issues) this.saved[issue.kind] = (this.saved[issue.kind] ?? 0) + 1
  }

  countByKind(): Record<string, number> {
    const counts: Record<string, number> = { ...this.saved }
    for (const issue of this.issues) counts[issue.kind] = (counts[issue.kind] ?? 0) + 1
    return counts
  }
}

/**
 * Writes `log`'s issues for the rows of `source.table` that were normalised (`pks`), and resolves the
 * open issues of those rows that this run did not find again. `kinds` are the kinds this normaliser owns.
 */
export async function saveIssues(
  sql: Sql,
  tenantId: string,
  scope: { source: string; table: string; kinds: string[]; pks: string[] | 'all' },
  issues: DataQualityIssue[],
): Promise<void> {
  const runAt = new Date()
  const mine = issues.filter((i) => i.source === scope.source && i.table === scope.table)
  for (let start = 0; start < mine.length; start += 2000) {
    const rows = mine.slice(start, start + 2000).map((issue) => ({
      tenant_id: tenantId,
      kind: issue.kind,
      severity: issue.severity,
      source: issue.source,
      table_name: issue.table,
      source_pk: issue.pk,
      field: issue.field ?? '',
      detail: sql.json((issue.detail ?? {}) as never),
      first_detected_at: runAt,
      last_detected_at: runAt,
    }))
    await sql`
      insert into ops.data_quality_issues ${sql(rows)}
      on conflict (tenant_id, kind, source, table_name, source_pk, field) do update
        set severity = excluded.severity, detail = excluded.detail, last_detected_at = excluded.last_detected_at,
            resolved_at = null`
  }
  await sql`
    update ops.data_quality_issues set resolved_at = now()
    where tenant_id = ${tenantId} and source = ${scope.source} and table_name = ${scope.table}
      and kind = any(${scope.kinds}) and resolved_at is null and last_detected_at < ${runAt}
      ${scope.pks === 'all' ? sql`` : sql`and source_pk = any(${scope.pks})`}`
}
