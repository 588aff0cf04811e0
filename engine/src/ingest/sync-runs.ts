// Records of sync invocations (ops.syncs) and of each table they synced (ops.sync_runs).
import type { Sql, TransactionSql } from '@revops/db'

type Db = Sql | TransactionSql

export type SyncMode = 'incremental' | 'full'
export type TableRunStatus = 'running' | 'succeeded' | 'skipped' | 'failed' | 'interrupted'

export interface TableRunCounts {
  rowsRead: number
  inserted: number
  updated: number
  unchanged: number
  deleted: number
}

export async function startSync(
  sql: Db,
  input: { tenantId: string; sources: string[]; mode: SyncMode; jobId?: string | undefined },
): Promise<string> {
  const [row] = await sql<{ sync_id: string }[]>`
    insert into ops.syncs (tenant_id, sources, mode, job_id)
    values (${input.tenantId}, ${input.sources}, ${input.mode}, ${input.jobId ?? null})
    returning sync_id::text
  `
  return row!.sync_id
}

export async function finishSync(
  sql: Db,
  syncId: string,
  status: 'succeeded' | 'partial' | 'failed',
  error?: string,
): Promise<void> {
  await sql`
    update ops.syncs set status = ${status}, error = ${error ?? null}, finished_at = now()
    where sync_id = ${syncId}
  `
}

/** Runs left 'running' by a process that died are marked interrupted (called under the sync lock). */
export async function markAbandonedRuns(sql: Db, tenantId: string): Promise<number> {
  const runs = await sql`
    update ops.sync_runs set status = 'interrupted', finished_at = now(),
      message = coalesce(message, 'the process running this sync stopped before it finished')
    where tenant_id = ${tenantId} and status = 'running'
  `
  await sql`
    update ops.syncs set status = 'failed', finished_at = now(),
      error = coalesce(error, 'the process running this sync stopped before it finished')
    where tenant_id = ${tenantId} and status = 'running'
  `
  return runs.count
}

export async function startTableRun(
  sql: Db,
  input: { syncId: string; tenantId: string; source: string; table: string; mode: SyncMode },
): Promise<string> {
  const [row] = await sql<{ sync_run_id: string }[]>`
    insert into ops.sync_runs (sync_id, tenant_id, source, table_name, mode)
    values (${input.syncId}, ${input.tenantId}, ${input.source}, ${input.table}, ${input.mode})
    returning sync_run_id::text
  `
  return row!.sync_run_id
}

/** Adds a committed batch's counts (called inside the batch's transaction, so counts never lie). */
export async function addTableRunCounts(
  sql: Db,
  runId: string,
  counts: Partial<TableRunCounts>,
): Promise<void> {
  await sql`
    update ops.sync_runs set
      rows_read = rows_read + ${counts.rowsRead ?? 0},
      rows_inserted = rows_inserted + ${counts.inserted ?? 0},
      rows_updated = rows_updated + ${counts.updated ?? 0},
      rows_unchanged = rows_unchanged + ${counts.unchanged ?? 0},
      rows_deleted = rows_deleted + ${counts.deleted ?? 0}
    where sync_run_id = ${runId}
  `
}

export async function finishTableRun(
  sql: Db,
  runId: string,
  status: Exclude<TableRunStatus, 'running'>,
  message?: string,
): Promise<TableRunCounts & { durationMs: number }> {
  const [row] = await sql<
    {
      rows_read: string
      rows_inserted: string
      rows_updated: string
      rows_unchanged: string
      rows_deleted: string
      duration_ms: string
    }[]
  >`
    update ops.sync_runs set status = ${status}, message = ${message ?? null}, finished_at = clock_timestamp(),
      duration_ms = (extract(epoch from clock_timestamp() - started_at) * 1000)::bigint
    where sync_run_id = ${runId}
    returning rows_read, rows_inserted, rows_updated, rows_unchanged, rows_deleted, duration_ms
  `
  return {
    rowsRead: Number(row!.rows_read),
    inserted: Number(row!.rows_inserted),
    updated: Number(row!.rows_updated),
    unchanged: Number(row!.rows_unchanged),
    deleted: Number(row!.rows_deleted),
    durationMs: Number(row!.duration_ms),
  }
}
