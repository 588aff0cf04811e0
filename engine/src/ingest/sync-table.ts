// Mirrors one source table into RAW: discover, record schema changes, stream rows with COPY in
// committed batches (each batch, its counts and the resume position commit together), and after a
// full pass mark rows that disappeared at the source as deleted.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { quoteIdent, readCopyStream, releaseCopyStream, type Sql, type TransactionSql } from '@revops/db'
import type { SourceTableConfig } from '../config/tenant-config.ts'
import { coerceError, SourceUnavailableError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import type { ProgressListener } from '../shared/progress.ts'
import type { ColumnChange } from './column-changes.ts'
import { batchCopyRows, type CopyBatch, parseCopyTextRow } from './copy-batches.ts'
import { discoverTable } from './discover-table.ts'
import {
  advanceCursor,
  appendStagedBatch,
  canCopyIntoRaw,
  completeFullPass,
  createKeyStageTable,
  createStageTable,
  isTableEmpty,
  markMissingRowsDeleted,
  markTableMissing,
  mergeStagedBatch,
  recordColumns,
  registerTable,
  saveFullPassPosition,
  type TableKey,
} from './raw-store.ts'
import { asSourceError, type SourceConnection } from './source-connection.ts'
import {
  buildCopyKeysStatement,
  buildCopyOutStatement,
  COPY_COLUMNS,
  type ReadWindow,
  splitSourcePk,
  type TableReadPlan,
} from './source-query.ts'
import {
  addTableRunCounts,
  finishTableRun,
  type SyncMode,
  startTableRun,
  type TableRunCounts,
} from './sync-runs.ts'

export interface SyncTableOptions {
  /** A product-database client with a single connection (it holds the temp staging tables). */
  product: Sql
  source: SourceConnection
  sourceUrl: string
  tenantId: string
  table: SourceTableConfig
  /** The source's default watermark column (a table may override it). */
  sourceWatermarkColumn: string | null
  lookbackSeconds: number
  batchSize: number
  mode: SyncMode
  syncId: string
  signal?: AbortSignal | undefined
  onProgress?: ProgressListener | undefined
  log: Logger
}

export interface TableSyncResult extends TableRunCounts {
  table: string
  runId: string
  status: 'succeeded' | 'skipped' | 'failed' | 'interrupted'
  pass: 'full' | 'incremental' | 'none'
  durationMs: number
  message?: string | undefined
  schemaChanges: ColumnChange[]
}

export async function syncTable(options: SyncTableOptions): Promise<TableSyncResult> {
  const { product, source, table, log } = options
  const key: TableKey = { tenantId: options.tenantId, source: source.name, table: table.name }
  const runId = await startTableRun(product, { syncId: options.syncId, ...key, mode: options.mode })
  const finish = async (
    status: TableSyncResult['status'],
    pass: TableSyncResult['pass'],
    schemaChanges: ColumnChange[],
    message?: string,
  ): Promise<TableSyncResult> => {
    const counts = await finishTableRun(product, runId, status, message)
    return { table: table.name, runId, status, pass, message, schemaChanges, ...counts }
  }

  let pass: TableSyncResult['pass'] = 'none'
  let schemaChanges: ColumnChange[] = []
  try {
    const shape = await discoverTable(source.sql, table.schema, table.name)
    if (!shape.exists) {
      const message = `table ${table.schema}.${table.name} does not exist at source "${source.name}"; skipped`
      log.warn(message)
      await markTableMissing(product, key, runId, message)
      return await finish('skipped', pass, [], message)
    }
    const primaryKey = shape.primaryKey.length > 0 ? shape.primaryKey : (table.primary_key ?? [])
    if (primaryKey.length === 0) {
      throw new Error(
        `table ${table.name} has no primary key at the source; set primary_key in the tenant config`,
      )
    }
    const columnNames = new Set(shape.columns.map((c) => c.name))
    const wanted =
      table.watermark_column === undefined ? options.sourceWatermarkColumn : table.watermark_column
    const watermarkColumn = wanted && columnNames.has(wanted) ? wanted : null
    if (wanted && !watermarkColumn)
      log.warn(`${table.name}: no column ${wanted}; reading it in full every time`)

    const state = await registerTable(product, key, { primaryKey, watermarkColumn })
    schemaChanges = await recordColumns(product, key, shape.columns, runId)
    for (const change of schemaChanges) {
      log.info(`${source.name}.${table.name}: ${change.change} ${change.column}`, {
        old: change.oldType,
        new: change.newType,
      })
    }
    const plan: TableReadPlan = {
      schema: table.schema,
      table: table.name,
      primaryKey,
      watermarkColumn,
      excludeColumns: table.exclude_columns,
    }
    const context: PassContext = { ...options, key, runId, plan, estimatedRows: shape.estimatedRows }

    const resuming = state.fullPassCursor !== null
    // A table without a stored watermark (never fully read, or all its watermarks empty) is read in full.
    const needsFullPass =
      resuming || options.mode === 'full' || !watermarkColumn || state.cursorWatermark === null
    let completed: boolean
    if (needsFullPass) {
      pass = 'full'
      if (resuming) log.info(`${source.name}.${table.name}: resuming an unfinished full pass`)
      completed = await runFullPass(
        context,
        resuming ? state.fullPassCursor : null,
        state.fullPassMaxWatermark,
      )
    } else {
      pass = 'incremental'
      completed = await runIncrementalPass(context, state.cursorWatermark!, options.lookbackSeconds)
    }
    return await finish(
      completed ? 'succeeded' : 'interrupted',
      pass,
      schemaChanges,
      completed ? undefined : 'stopped by request',
    )
  } catch (thrown) {
    // An unreachable source stops the whole source (thrown); any other failure fails this table only.
    const error = asSourceError(source.name, options.sourceUrl, thrown)
    const message = coerceError(error).message
    log.error(`${table.name}: ${message}`)
    const result = await finish('failed', pass, schemaChanges, message)
    if (error instanceof SourceUnavailableError) throw error
    return result
  }
}

interface PassContext extends SyncTableOptions {
  key: TableKey
  runId: string
  plan: TableReadPlan
  estimatedRows: number | null
}

/** Reads the table in key order; returns false when stopped by the signal before the end. */
async function runFullPass(
  ctx: PassContext,
  afterKey: string[] | null,
  knownMaxWatermark: string | null,
): Promise<boolean> {
  let maxWatermark = knownMaxWatermark
  const completed = await ctx.source.sql.begin('isolation level repeatable read read only', async (src) => {
    if (afterKey === null && ctx.plan.watermarkColumn) {
      // Captured in the same snapshot as the read: anything modified later has a higher watermark
      // and is picked up by the next incremental run.
      const [row] = await src.unsafe<{ max: string | null }[]>(
        `select max(${quoteIdent(ctx.plan.watermarkColumn)})::timestamptz::text as max from ${qualified(ctx.plan)}`,
      )
      maxWatermark = row?.max ?? null
    }
    const window: ReadWindow = { kind: 'full', afterKey }
    return streamBatches(ctx, src, window, async (tx, batch) => {
      const pk = parseCopyTextRow(batch.lastRow)[COPY_COLUMNS.indexOf('source_pk')]
      await saveFullPassPosition(tx, ctx.key, {
        runId: ctx.runId,
        cursor: splitSourcePk(pk!, ctx.plan.primaryKey.length),
        maxWatermark,
      })
    })
  })
  if (!completed) return false
  await reconcileDeletions(ctx, maxWatermark)
  return true
}

async function runIncrementalPass(
  ctx: PassContext,
  since: string,
  lookbackSeconds: number,
): Promise<boolean> {
  return streamBatches(
    ctx,
    ctx.source.sql,
    { kind: 'incremental', since, lookbackSeconds },
    async (tx, batch) => {
      const watermark = parseCopyTextRow(batch.lastRow)[COPY_COLUMNS.indexOf('watermark')]
      await advanceCursor(tx, ctx.key, ctx.runId, watermark ?? null)
    },
  )
}

/**
 * Streams the COPY and commits batch after batch; stops between batches when the signal fires. The next
 * batch is read while the current one is written (two batches in memory at most), so the source and
 * the product database work at the same time. A first load of a table is copied straight into RAW;
 * should a key turn out to exist already, that batch and the rest go through the staging merge.
 */
async function streamBatches(
  ctx: PassContext,
  src: Sql | TransactionSql,
  window: ReadWindow,
  savePosition: (tx: TransactionSql, batch: CopyBatch) => Promise<void>,
): Promise<boolean> {
  await createStageTable(ctx.product)
  let direct = window.kind === 'full' && (await isTableEmpty(ctx.product, ctx.key))
  const copyIntoRaw = direct && (await canCopyIntoRaw(ctx.product))
  const stamp = { tenantId: ctx.key.tenantId, source: ctx.key.source, table: ctx.key.table, runId: ctx.runId }
  const readable = await src.unsafe(buildCopyOutStatement(ctx.plan, window, stamp)).readable()
  let rowsRead = 0
  const step = `${ctx.key.source}.${ctx.key.table}`
  const total = window.kind === 'full' ? (ctx.estimatedRows ?? undefined) : undefined
  ctx.onProgress?.({ step, done: 0, total })
  const commit = (batch: CopyBatch, mode: 'direct' | 'merge') =>
    ctx.product.begin(async (tx) => {
      const target = mode === 'direct' && copyIntoRaw ? tx`raw.source_rows` : tx`ingest_stage`
      const writable =
        await tx`copy ${target} (${tx(COPY_COLUMNS as unknown as string[])}) from stdin`.writable()
      await pipeline(Readable.from(batch.chunks), writable)
      if (mode === 'direct' && !copyIntoRaw) await appendStagedBatch(tx)
      const counts =
        mode === 'direct'
          ? { inserted: batch.rows, updated: 0, unchanged: 0 }
          : await mergeStagedBatch(tx, ctx.key, ctx.runId, batch.rows, {
              touchUnchanged: window.kind === 'incremental',
            })
      await savePosition(tx, batch)
      await addTableRunCounts(tx, ctx.runId, { rowsRead: batch.rows, ...counts })
    })
  try {
    for await (const batch of readAhead(batchCopyRows(readCopyStream(readable), ctx.batchSize))) {
      if (direct) {
        try {
          await commit(batch, 'direct')
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error
          direct = false
          await commit(batch, 'merge')
        }
      } else {
        await commit(batch, 'merge')
      }
      rowsRead += batch.rows
      ctx.onProgress?.({ step, done: rowsRead, total })
      if (ctx.signal?.aborted) {
        readable.destroy()
        return false
      }
    }
  } catch (error) {
    readable.destroy()
    throw error
  }
  return true
}

const UNIQUE_VIOLATION = '23505'

/** Yields the items of `source`, fetching the next one while the consumer handles the current one. */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]()
  let pending = iterator.next()
  try {
    for (;;) {
      const current = await pending
      if (current.done) return
      pending = iterator.next()
      yield current.value
    }
  } finally {
    // Stopped early: let the fetch in flight settle quietly and close the source.
    pending.catch(() => {})
    await iterator.return?.()
  }
}

/** Compares every key at the source with RAW in one transaction and marks vanished rows deleted. */
async function reconcileDeletions(ctx: PassContext, maxWatermark: string | null): Promise<void> {
  const readable = await ctx.source.sql.unsafe(buildCopyKeysStatement(ctx.plan)).readable()
  await ctx.product.begin(async (tx) => {
    await createKeyStageTable(tx)
    const writable = await tx`copy ingest_source_keys (source_pk) from stdin`.writable()
    await pipeline(readable, writable)
    releaseCopyStream(readable)
    const deleted = await markMissingRowsDeleted(tx, ctx.key, ctx.runId)
    await completeFullPass(tx, ctx.key, ctx.runId, maxWatermark)
    await addTableRunCounts(tx, ctx.runId, { deleted })
  })
}

function qualified(plan: TableReadPlan): string {
  return `${quoteIdent(plan.schema)}.${quoteIdent(plan.table)}`
}
