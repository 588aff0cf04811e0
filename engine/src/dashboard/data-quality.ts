// Dashboard: open data-quality issues found by normalisation, by kind, severity and where they come from.
import type { Sql } from '@revops/db'

export interface IssueGroup {
  kind: string
  severity: 'info' | 'warning' | 'error'
  source: string
  table: string
  count: number
  /** When the newest issue of this group was last seen. */
  last_detected_at: string
}

export interface DataQualitySummary {
  open: number
  groups: IssueGroup[]
}

interface Row extends Omit<IssueGroup, 'last_detected_at'> {
  last_detected_at: Date
}

export async function readDataQuality(sql: Sql, tenantId: string): Promise<DataQualitySummary> {
  const rows = await sql<Row[]>`
    select kind, severity, source, table_name as table, count(*)::int as count,
           max(last_detected_at) as last_detected_at
    from ops.data_quality_issues
    where tenant_id = ${tenantId} and resolved_at is null
    group by kind, severity, source, table_name
    order by case severity when 'error' then 0 when 'warning' then 1 else 2 end, count(*) desc, kind`
  return {
    open: rows.reduce((total, row) => total + row.count, 0),
    groups: rows.map((row) => ({ ...row, last_detected_at: row.last_detected_at.toISOString() })),
  }
}
