// Which RAW changes a normalisation run covers: every change_seq after the stored position up to the
// newest one when the run starts. The position moves only when the whole run succeeded, so a failed
// run is simply redone (every write is an idempotent upsert).
import type { Sql } from '@revops/db'

export interface ChangeWindow {
  tenantId: string
  /** Exclusive lower bound (0 for a full run). */
  from: string
  /** Inclusive upper bound. */
  to: string
  full: boolean
}

const STAGE = 'normalize'

export async function openChangeWindow(sql: Sql, tenantId: string, full: boolean): Promise<ChangeWindow> {
  const [position] = await sql<{ position: string }[]>`
    select position::text from ops.stage_watermarks where tenant_id = ${tenantId} and stage = ${STAGE}`
  const [newest] = await sql<{ newest: string }[]>`
    select coalesce(max(change_seq), 0)::text as newest from raw.source_rows where tenant_id = ${tenantId}`
  return { tenantId, from: full ? '0' : (position?.position ?? '0'), to: newest!.newest, full }
}

export async function closeChangeWindow(sql: Sql, window: ChangeWindow): Promise<void> {
  await sql`
    insert into ops.stage_watermarks (tenant_id, stage, position) values (${window.tenantId}, ${STAGE}, ${window.to})
    on conflict (tenant_id, stage) do update set position = excluded.position, updated_at = now()`
}

/** Primary keys of a RAW table's rows that changed (or were deleted) inside the window. */
export async function changedKeys(
  sql: Sql,
  window: ChangeWindow,
  source: string,
  table: string,
): Promise<string[]> {
  const rows = await sql<{ source_pk: string }[]>`
    select source_pk from raw.source_rows
    where tenant_id = ${window.tenantId} and source = ${source} and table_name = ${table}
      and change_seq > ${window.from} and change_seq <= ${window.to}`
  return rows.map((row) => row.source_pk)
}

/** Whether any row of these RAW tables changed inside the window. */
export async function anyChanged(
  sql: Sql,
  window: ChangeWindow,
  source: string,
  tables: string[],
): Promise<boolean> {
  const [row] = await sql<{ changed: boolean }[]>`
    select exists (
      select 1 from raw.source_rows
      where tenant_id = ${window.tenantId} and source = ${source} and table_name = any(${tables})
        and change_seq > ${window.from} and change_seq <= ${window.to}
    ) as changed`
  return row!.changed
}
