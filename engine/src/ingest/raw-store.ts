// The RAW side of ingestion: table registry, column history, batch merges and deletion reconciliation.
import type { Sql, TransactionSql } from '@revops/db'
import { type ColumnChange, diffColumns, type KnownColumn, type SourceColumn } from './column-changes.ts'
import { COPY_COLUMNS } from './source-query.ts'

export interface TableKey {
  tenantId: string
  source: string
  table: string
}

export interface TableState {
  cursorWatermark: string | null
  fullPassRunId: string | null
  fullPassCursor: string[] | null
  fullPassMaxWatermark: string | null
  lastFullSyncAt: string | null
}

type Db = Sql | TransactionSql

/** Registers (or refreshes) a table and returns where its last runs left off. */
export async function registerTable(
  sql: Db,
  key: TableKey,
  shape: { primaryKey: string[]; watermarkColumn: string | null },
): Promise<TableState> {
  const [row] = await sql<
    {
      cursor_watermark: string | null
      full_pass_run_id: string | null
      full_pass_cursor: string[] | null
      full_pass_max_watermark: string | null
      last_full_sync_at: string | null
    }[]
  >`
    insert into raw.source_tables (tenant_id, source, table_name, primary_key, watermark_column, status)
    values (${key.tenantId}, ${key.source}, ${key.table}, ${shape.primaryKey}, ${shape.watermarkColumn}, 'ok')
    on conflict (tenant_id, source, table_name) do update
      set primary_key = excluded.primary_key, watermark_column = excluded.watermark_column,
          status = 'ok', status_message = null, updated_at = now()
    returning cursor_watermark::text, full_pass_run_id::text, full_pass_cursor,
              full_pass_max_watermark::text, last_full_sync_at::text
  `
  return {
    cursorWatermark: row!.cursor_watermark,
    fullPassRunId: row!.full_pass_run_id,
    fullPassCursor: row!.full_pass_cursor,
    fullPassMaxWatermark: row!.full_pass_max_watermark,
    lastFullSyncAt: row!.last_full_sync_at,
  }
}

/** Records that a configured table is absent at the source (once per disappearance). */
export async function markTableMissing(
  sql: Db,
  key: TableKey,
  runId: string,
  message: string,
): Promise<void> {
  const [previous] = await sql<{ status: string }[]>`
    select status from raw.source_tables
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
  await sql`
    insert into raw.source_tables (tenant_id, source, table_name, primary_key, status, status_message)
    values (${key.tenantId}, ${key.source}, ${key.table}, '{}', 'missing', ${message})
    on conflict (tenant_id, source, table_name) do update
      set status = 'missing', status_message = excluded.status_message, updated_at = now()
  `
  if (previous?.status !== 'missing') {
    await sql`
      insert into raw.schema_changes (tenant_id, source, table_name, change, sync_run_id)
      values (${key.tenantId}, ${key.source}, ${key.table}, 'table_missing', ${runId})
    `
  }
}

/** Stores the columns seen now and writes each change since the last run to raw.schema_changes. */
export async function recordColumns(
  sql: Db,
  key: TableKey,
  columns: SourceColumn[],
  runId: string,
): Promise<ColumnChange[]> {
  const known = await sql<{ name: string; data_type: string; ordinal: number; is_present: boolean }[]>`
    select column_name as name, data_type, ordinal, is_present from raw.source_columns
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
  const knownColumns: KnownColumn[] = known.map((c) => ({
    name: c.name,
    dataType: c.data_type,
    ordinal: c.ordinal,
    isPresent: c.is_present,
  }))
  const changes = diffColumns(knownColumns, columns)
  if (known.length === 0) {
    await sql`
      insert into raw.schema_changes (tenant_id, source, table_name, change, sync_run_id)
      values (${key.tenantId}, ${key.source}, ${key.table}, 'table_added', ${runId})
    `
  }
  for (const change of changes) {
    await sql`
      insert into raw.schema_changes (tenant_id, source, table_name, column_name, change, old_type, new_type, sync_run_id)
      values (${key.tenantId}, ${key.source}, ${key.table}, ${change.column}, ${change.change},
              ${change.oldType}, ${change.newType}, ${runId})
    `
  }
  const rows = columns.map((c) => ({
    tenant_id: key.tenantId,
    source: key.source,
    table_name: key.table,
    column_name: c.name,
    data_type: c.dataType,
    ordinal: c.ordinal,
  }))
  if (rows.length > 0) {
    await sql`
      insert into raw.source_columns ${sql(rows)}
      on conflict (tenant_id, source, table_name, column_name) do update
        set data_type = excluded.data_type, ordinal = excluded.ordinal, is_present = true, last_seen_at = now()
    `
  }
  await sql`
    update raw.source_columns set is_present = false
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
      and is_present and column_name <> all(${columns.map((c) => c.name)})
  `
  return changes
}

/** The per-connection staging table that COPY fills for each batch; emptied at every commit. */
export async function createStageTable(sql: Db): Promise<void> {
  // Same columns as the COPY stream (source-query.ts COPY_COLUMNS); the constants are ignored here.
  await sql`
    create temp table if not exists ingest_stage (
      tenant_id text,
      source text,
      table_name text,
      source_pk text not null,
      watermark timestamptz,
      doc text not null,
      row_hash uuid not null,
      first_seen_run_id bigint,
      last_seen_run_id bigint,
      last_changed_run_id bigint
    ) on commit delete rows
  `
}

/** Whether RAW holds no row of this table yet (a first load can then be copied in directly). */
export async function isTableEmpty(sql: Db, key: TableKey): Promise<boolean> {
  const [row] = await sql<{ empty: boolean }[]>`
    select not exists (
      select 1 from raw.source_rows where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
    ) as empty`
  return row!.empty
}

/**
 * Whether this session may COPY straight into raw.source_rows. PostgreSQL refuses COPY FROM into a
 * table whose row-level security applies to the session (the worker's runtime role): its first loads go
 * through the stage and one INSERT instead (appendStagedBatch).
 */
export async function canCopyIntoRaw(sql: Db): Promise<boolean> {
  const [row] = await sql<{ active: boolean }[]>`select row_security_active('raw.source_rows') as active`
  return !row!.active
}

/** Appends the staged batch to raw.source_rows unchanged (a first load; a key already there violates the primary key). */
export async function appendStagedBatch(tx: Db): Promise<void> {
  await tx`
    insert into raw.source_rows (${tx(COPY_COLUMNS as unknown as string[])})
    select tenant_id, source, table_name, source_pk, watermark, doc::jsonb, row_hash, first_seen_run_id,
           last_seen_run_id, last_changed_run_id
    from ingest_stage`
}

export interface MergeCounts {
  inserted: number
  updated: number
  unchanged: number
}

/**
 * Merges the staged batch into raw.source_rows: new rows are inserted, rows whose hash differs (or that
 * were deleted and came back) are updated and get a new change_seq. Unchanged rows read by an
 * incremental run get their last-seen marker moved; a full pass leaves them untouched (rewriting every
 * row would double its cost) and confirms them all at once in raw.source_tables.last_full_sync_at.
 */
export async function mergeStagedBatch(
  tx: TransactionSql,
  key: TableKey,
  runId: string,
  rows: number,
  options: { touchUnchanged: boolean },
): Promise<MergeCounts> {
  const [merged] = await tx<{ inserted: number; updated: number }[]>`
    with upsert as (
      insert into raw.source_rows as r (
        tenant_id, source, table_name, source_pk, doc, row_hash, watermark,
        first_seen_run_id, first_seen_at, last_seen_run_id, last_seen_at, last_changed_run_id, last_changed_at
      )
      select ${key.tenantId}, ${key.source}, ${key.table}, s.source_pk, s.doc::jsonb, s.row_hash, s.watermark,
             ${runId}, now(), ${runId}, now(), ${runId}, now()
      from ingest_stage s
      on conflict (tenant_id, source, table_name, source_pk) do update
        set doc = excluded.doc, row_hash = excluded.row_hash, watermark = excluded.watermark,
            last_seen_run_id = excluded.last_seen_run_id, last_seen_at = excluded.last_seen_at,
            last_changed_run_id = excluded.last_changed_run_id, last_changed_at = excluded.last_changed_at,
            deleted_at = null, deleted_run_id = null, change_seq = nextval('raw.change_seq')
        where r.row_hash <> excluded.row_hash or r.deleted_at is not null
      returning (xmax = 0) as inserted
    )
    select (count(*) filter (where inserted))::int as inserted,
           (count(*) filter (where not inserted))::int as updated
    from upsert
  `
  const changed = merged!.inserted + merged!.updated
  if (options.touchUnchanged && changed < rows) {
    await tx`
      update raw.source_rows r
      set last_seen_run_id = ${runId}, last_seen_at = now()
      from ingest_stage s
      where r.tenant_id = ${key.tenantId} and r.source = ${key.source} and r.table_name = ${key.table}
        and r.source_pk = s.source_pk and r.row_hash = s.row_hash and r.last_seen_run_id <> ${runId}
    `
  }
  return { inserted: merged!.inserted, updated: merged!.updated, unchanged: rows - changed }
}

/** Saves how far an unfinished full pass got (in the same transaction as the batch it follows). */
export async function saveFullPassPosition(
  tx: TransactionSql,
  key: TableKey,
  position: { runId: string; cursor: string[]; maxWatermark: string | null },
): Promise<void> {
  await tx`
    update raw.source_tables
    set full_pass_run_id = ${position.runId}, full_pass_cursor = ${tx.json(position.cursor)},
        full_pass_max_watermark = ${position.maxWatermark},
        full_pass_started_at = coalesce(full_pass_started_at, now()), updated_at = now()
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
}

/** Ends a full pass: the incremental cursor moves to the watermark the pass started from. */
export async function completeFullPass(
  tx: TransactionSql,
  key: TableKey,
  runId: string,
  maxWatermark: string | null,
): Promise<void> {
  await tx`
    update raw.source_tables
    set cursor_watermark = coalesce(${maxWatermark}::timestamptz, cursor_watermark),
        full_pass_run_id = null, full_pass_cursor = null, full_pass_max_watermark = null,
        full_pass_started_at = null, last_full_sync_run_id = ${runId}, last_full_sync_at = now(),
        last_sync_run_id = ${runId}, updated_at = now()
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
}

/** Moves the incremental cursor forward (never backwards) after a committed batch. */
export async function advanceCursor(
  tx: TransactionSql,
  key: TableKey,
  runId: string,
  watermark: string | null,
): Promise<void> {
  await tx`
    update raw.source_tables
    set cursor_watermark = greatest(cursor_watermark, ${watermark}::timestamptz),
        last_sync_run_id = ${runId}, updated_at = now()
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
}

/** Forgets an unfinished full pass (the next run starts a new one from the beginning). */
export async function resetFullPass(sql: Db, key: TableKey): Promise<void> {
  await sql`
    update raw.source_tables
    set full_pass_run_id = null, full_pass_cursor = null, full_pass_max_watermark = null, full_pass_started_at = null
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
  `
}

/** Creates the temp table that receives every source key for deletion reconciliation. */
export async function createKeyStageTable(tx: TransactionSql): Promise<void> {
  await tx`create temp table if not exists ingest_source_keys (source_pk text primary key) on commit delete rows`
}

/** Marks RAW rows whose key no longer exists at the source as deleted; returns how many. */
export async function markMissingRowsDeleted(
  tx: TransactionSql,
  key: TableKey,
  runId: string,
): Promise<number> {
  const deleted = await tx`
    update raw.source_rows r
    set deleted_at = now(), deleted_run_id = ${runId}, change_seq = nextval('raw.change_seq')
    where r.tenant_id = ${key.tenantId} and r.source = ${key.source} and r.table_name = ${key.table}
      and r.deleted_at is null
      and not exists (select 1 from ingest_source_keys k where k.source_pk = r.source_pk)
  `
  return deleted.count
}
