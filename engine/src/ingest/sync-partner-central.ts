// Mirrors the ACE opportunities of a Selling API source into RAW (table `opportunity`), like any other
// source's rows: ListOpportunities sorted by LastModifiedDate from the stored watermark (AWS's own values,
// "on or after", so the last one comes back and is skipped), GetOpportunity and GetAwsOpportunitySummary
// for each changed one, each page committed with its watermark, so a crash resumes where it stopped.
// A full run lists everything and marks opportunities no longer visible as deleted (the reconcile mode).
import type { Sql } from '@revops/db'
import type { ResolvedPartnerCentralSource } from '../config/load-tenant-config.ts'
import type { PartnerCentralRecord } from '../partner-central/opportunity-record.ts'
import { openSellingApi, PartnerCentralError, type SellingApi } from '../partner-central/selling-api.ts'
import { coerceError, SourceUnavailableError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import type { ProgressListener } from '../shared/progress.ts'
import {
  advanceCursor,
  completeFullPass,
  createKeyStageTable,
  createStageTable,
  markMissingRowsDeleted,
  mergeStagedBatch,
  recordColumns,
  registerTable,
  type TableKey,
} from './raw-store.ts'
import { addTableRunCounts, finishTableRun, type SyncMode, startTableRun } from './sync-runs.ts'
import type { TableSyncResult } from './sync-table.ts'

export const PARTNER_CENTRAL_TABLE = 'opportunity'

export interface SyncPartnerCentralOptions {
  /** The ingestion connection (one session: it holds the staging tables). */
  product: Sql
  source: ResolvedPartnerCentralSource
  tenantId: string
  syncId: string
  mode: SyncMode
  signal?: AbortSignal | undefined
  onProgress?: ProgressListener | undefined
  log: Logger
  /** Opens the API (tests pass one with a short backoff). */
  openApi?: typeof openSellingApi
}

export async function syncPartnerCentral(options: SyncPartnerCentralOptions): Promise<TableSyncResult> {
  const { product, source, log } = options
  const key: TableKey = { tenantId: options.tenantId, source: source.name, table: PARTNER_CENTRAL_TABLE }
  const runId = await startTableRun(product, { syncId: options.syncId, ...key, mode: options.mode })
  let pass: TableSyncResult['pass'] = 'none'
  const finish = async (status: TableSyncResult['status'], message?: string): Promise<TableSyncResult> => {
    const counts = await finishTableRun(product, runId, status, message)
    return { table: key.table, runId, status, pass, message, schemaChanges: [], ...counts }
  }
  let api: SellingApi | undefined
  try {
    const state = await registerTable(product, key, {
      primaryKey: ['Id'],
      watermarkColumn: 'LastModifiedDate',
    })
    // The record is kept whole: its two documents are its columns.
    await recordColumns(product, key, RECORD_COLUMNS, runId)
    api = await (options.openApi ?? openSellingApi)({
      sql: product,
      tenantId: options.tenantId,
      source,
      signal: options.signal,
    })
    const full = options.mode === 'full' || state.cursorWatermark === null
    pass = full ? 'full' : 'incremental'
    const seen = await readPages(options, api, key, runId, full ? null : state.cursorWatermark)
    if (seen === null) return await finish('interrupted', 'stopped by request')
    if (full) await reconcile(options, key, runId, seen)
    return await finish('succeeded')
  } catch (thrown) {
    const error = coerceError(thrown)
    log.error(`${key.table}: ${error.message}`)
    const result = await finish('failed', error.message)
    if (error instanceof SourceUnavailableError) throw error
    return result
  } finally {
    api?.close()
  }
}

/** Reads every page after `since`; returns the ids listed (null when stopped by the signal). */
async function readPages(
  options: SyncPartnerCentralOptions,
  api: SellingApi,
  key: TableKey,
  runId: string,
  since: string | null,
): Promise<Map<string, string> | null> {
  const { product, source } = options
  const listed = new Map<string, string>()
  const step = `${source.name}.${key.table}`
  let nextToken: string | undefined
  await createStageTable(product)
  do {
    if (options.signal?.aborted) return null
    const page = await api.listOpportunities({
      MaxResults: source.page_size,
      NextToken: nextToken,
      Sort: { SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' },
      ...(since ? { LastModifiedDate: { AfterLastModifiedDate: new Date(since) } } : {}),
    })
    const summaries = (page.OpportunitySummaries ?? []).filter((s) => s.Id && s.LastModifiedDate)
    for (const s of summaries) listed.set(s.Id!, s.LastModifiedDate!.toISOString())
    const stored = await storedWatermarks(
      product,
      key,
      summaries.map((s) => s.Id!),
    )
    const changed = summaries.filter((s) => stored.get(s.Id!) !== s.LastModifiedDate!.getTime())
    const records: PartnerCentralRecord[] = []
    for (const summary of changed) {
      const record = await readRecord(api, summary.Id!)
      if (record) records.push(record)
    }
    const pageWatermark = summaries.at(-1)?.LastModifiedDate?.toISOString() ?? null
    await product.begin(async (tx) => {
      const counts =
        records.length === 0
          ? { inserted: 0, updated: 0, unchanged: 0 }
          : await stageAndMerge(tx as unknown as Sql, key, runId, records)
      if (pageWatermark) await advanceCursor(tx, key, runId, pageWatermark)
      await addTableRunCounts(tx, runId, {
        rowsRead: summaries.length,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: summaries.length - counts.inserted - counts.updated,
      })
    })
    options.onProgress?.({ step, done: listed.size })
    nextToken = page.NextToken
  } while (nextToken)
  return listed
}

/** The whole record, or null when it vanished between the list and the read. */
async function readRecord(api: SellingApi, id: string): Promise<PartnerCentralRecord | null> {
  try {
    const opportunity = await api.getOpportunity(id)
    return { opportunity, awsSummary: await api.getAwsSummary(id) }
  } catch (error) {
    if (error instanceof PartnerCentralError && error.awsCode === 'ResourceNotFoundException') return null
    throw error
  }
}

/** RAW's LastModifiedDate (ms) of these ids, for the ones it holds live. */
async function storedWatermarks(sql: Sql, key: TableKey, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await sql<{ source_pk: string; ms: string }[]>`
    select source_pk, (extract(epoch from watermark) * 1000)::bigint::text as ms from raw.source_rows
    where tenant_id = ${key.tenantId} and source = ${key.source} and table_name = ${key.table}
      and source_pk = any(${ids}) and deleted_at is null`
  return new Map(rows.map((r) => [r.source_pk, Number(r.ms)]))
}

async function stageAndMerge(tx: Sql, key: TableKey, runId: string, records: PartnerCentralRecord[]) {
  const rows = records.map((record) => ({
    pk: record.opportunity.Id,
    wm: record.opportunity.LastModifiedDate?.toISOString() ?? null,
    doc: JSON.stringify(record),
  }))
  await tx`
    insert into ingest_stage (source_pk, watermark, doc, row_hash)
    select x.pk, x.wm::timestamptz, x.doc, md5(x.doc)::uuid
    from jsonb_to_recordset(${tx.json(rows)}) as x(pk text, wm text, doc text)`
  return mergeStagedBatch(tx as never, key, runId, rows.length, { touchUnchanged: false })
}

/** After a complete listing: what was not listed is no longer visible, so it is marked deleted. */
async function reconcile(
  options: SyncPartnerCentralOptions,
  key: TableKey,
  runId: string,
  listed: Map<string, string>,
): Promise<void> {
  await options.product.begin(async (tx) => {
    await createKeyStageTable(tx)
    const ids = [...listed.keys()]
    if (ids.length > 0) await tx`insert into ingest_source_keys (source_pk) select unnest(${ids}::text[])`
    const deleted = await markMissingRowsDeleted(tx, key, runId)
    const newest = [...listed.values()].sort().at(-1) ?? null
    await completeFullPass(tx, key, runId, newest)
    await addTableRunCounts(tx, runId, { deleted })
    if (deleted > 0)
      options.log.info(`${key.source}.${key.table}: ${deleted} opportunities no longer visible`)
  })
}

const RECORD_COLUMNS = ['opportunity', 'awsSummary'].map((name, index) => ({
  name,
  dataType: 'jsonb',
  ordinal: index + 1,
}))
