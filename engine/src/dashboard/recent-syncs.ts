// Dashboard: the last syncs of the source databases with their row counts.
import type { Sql } from '@revops/db'

export interface SyncSummary {
  sync_id: string
  status: 'running' | 'succeeded' | 'partial' | 'failed'
  mode: 'incremental' | 'full'
  sources: string[]
  started_at: string
  finished_at: string | null
  error: string | null
  tables: number
  rows_read: number
  /** Rows inserted, updated or deleted. */
  rows_changed: number
}

interface Row extends Omit<SyncSummary, 'started_at' | 'finished_at'> {
  started_at: Date
  finished_at: Date | null
}

export async function readRecentSyncs(sql: Sql, tenantId: string, limit = 5): Promise<SyncSummary[]> {
  const rows = await sql<Row[]>`
    select s.sync_id::text, s.status, s.mode, s.sources, s.started_at, s.finished_at, s.error,
           count(r.sync_run_id)::int as tables, coalesce(sum(r.rows_read), 0)::int as rows_read,
           coalesce(sum(r.rows_inserted + r.rows_updated + r.rows_deleted), 0)::int as rows_changed
    from ops.syncs s
    left join ops.sync_runs r on r.sync_id = s.sync_id
    where s.tenant_id = ${tenantId}
    group by s.sync_id
    order by s.started_at desc, s.sync_id desc
    limit ${limit}`
  return rows.map((row) => ({
    ...row,
    started_at: row.started_at.toISOString(),
    finished_at: row.finished_at?.toISOString() ?? null,
  }))
}
