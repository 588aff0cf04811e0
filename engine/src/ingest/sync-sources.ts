// Entry point of the RAW stage: syncs the configured tables of one or more sources of a tenant.
import { connect, type Sql } from '@revops/db'
import type { ResolvedPostgresSource, ResolvedSource, Tenant } from '../config/load-tenant-config.ts'
import { ConflictError, coerceError, SourceUnavailableError, ValidationError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import type { ProgressListener } from '../shared/progress.ts'
import { openSource } from './source-connection.ts'
import { syncPartnerCentral } from './sync-partner-central.ts'
import {
  finishSync,
  finishTableRun,
  markAbandonedRuns,
  type SyncMode,
  startSync,
  startTableRun,
} from './sync-runs.ts'
import { syncTable, type TableSyncResult } from './sync-table.ts'

export interface SyncSourcesOptions {
  /** URL of the product database (ingestion holds one connection of its own for staging). */
  productUrl: string
  tenant: Tenant
  /** Source names; all configured sources when omitted. */
  sources?: string[] | undefined
  mode: SyncMode
  jobId?: string | undefined
  signal?: AbortSignal | undefined
  onProgress?: ProgressListener | undefined
  log: Logger
}

export interface SourceSyncResult extends TableSyncResult {
  source: string
}

export interface SyncReport {
  syncId: string
  status: 'succeeded' | 'partial' | 'failed'
  tables: SourceSyncResult[]
  errors: string[]
}

/**
 * Syncs every configured table and records the outcome. One sync per tenant runs at a time. Tables
 * that fail do not stop the others; when anything failed the function throws after recording it
 * (a SourceUnavailableError when a source could not be reached), so a job retries with backoff.
 */
export async function syncSources(options: SyncSourcesOptions): Promise<SyncReport> {
  const tenantId = options.tenant.config.tenant_id
  const selected = selectSources(options.tenant, options.sources)
  // One connection for the whole sync: it holds the sync lock and the temp staging tables.
  const product = connect(options.productUrl, { max: 1, idleTimeout: 0, applicationName: 'revops-ingest' })
  try {
    await acquireSyncLock(product, tenantId)
    const abandoned = await markAbandonedRuns(product, tenantId)
    if (abandoned > 0) options.log.warn(`marked ${abandoned} table runs of a stopped sync as interrupted`)

    const syncId = await startSync(product, {
      tenantId,
      sources: selected.map((s) => s.name),
      mode: options.mode,
      jobId: options.jobId,
    })
    const tables: SourceSyncResult[] = []
    const errors: string[] = []
    let unreachable: SourceUnavailableError | undefined
    for (const source of selected) {
      if (options.signal?.aborted) break
      const result =
        source.kind === 'partnercentral'
          ? await syncApiSource(product, source, syncId, options, tables)
          : await syncOneSource(product, source, syncId, options, tables)
      if (result) {
        errors.push(result.message)
        if (result instanceof SourceUnavailableError) unreachable = result
      }
    }
    for (const table of tables)
      if (table.status === 'failed') errors.push(`${table.source}.${table.table}: ${table.message}`)
    const failed = tables.filter((t) => t.status === 'failed').length
    const status = errors.length === 0 ? 'succeeded' : failed === tables.length ? 'failed' : 'partial'
    await finishSync(product, syncId, status, errors.join('\n') || undefined)
    const report: SyncReport = { syncId, status, tables, errors: [...new Set(errors)] }
    if (unreachable) throw unreachable
    if (errors.length > 0) throw new Error(`sync ${syncId} ${status}: ${report.errors.join('; ')}`)
    return report
  } finally {
    await product.end({ timeout: 5 })
  }
}

/** Syncs a Selling API source (one table, `opportunity`); returns the error that stopped it, if any. */
async function syncApiSource(
  product: Sql,
  source: Extract<ResolvedSource, { kind: 'partnercentral' }>,
  syncId: string,
  options: SyncSourcesOptions,
  into: SourceSyncResult[],
): Promise<Error | undefined> {
  try {
    const result = await syncPartnerCentral({
      product,
      source,
      tenantId: options.tenant.config.tenant_id,
      syncId,
      mode: options.mode,
      signal: options.signal,
      onProgress: options.onProgress,
      log: options.log.child({ source: source.name }),
    })
    into.push({ source: source.name, ...result })
    return undefined
  } catch (error) {
    // The run is recorded as failed; an unreachable source stops the sync like a database source's.
    return coerceError(error)
  }
}

/** Syncs one source's tables into `into`; returns the error that stopped the source, if any. */
async function syncOneSource(
  product: Sql,
  source: ResolvedPostgresSource,
  syncId: string,
  options: SyncSourcesOptions,
  into: SourceSyncResult[],
): Promise<Error | undefined> {
  const tenantId = options.tenant.config.tenant_id
  const log = options.log.child({ source: source.name })
  let connection: Awaited<ReturnType<typeof openSource>>
  try {
    connection = await openSource(source.name, source.url)
  } catch (error) {
    const failure = coerceError(error)
    log.error(failure.message)
    for (const table of source.tables) {
      const runId = await startTableRun(product, {
        syncId,
        tenantId,
        source: source.name,
        table: table.name,
        mode: options.mode,
      })
      const counts = await finishTableRun(product, runId, 'failed', failure.message)
      into.push({
        source: source.name,
        table: table.name,
        runId,
        status: 'failed',
        pass: 'none',
        message: failure.message,
        schemaChanges: [],
        ...counts,
      })
    }
    return failure
  }
  try {
    for (const table of source.tables) {
      if (options.signal?.aborted) break
      try {
        const result = await syncTable({
          product,
          source: connection,
          sourceUrl: source.url,
          tenantId,
          table,
          sourceWatermarkColumn: source.watermark_column,
          lookbackSeconds: source.lookback_seconds,
          batchSize: source.batch_size,
          mode: options.mode,
          syncId,
          signal: options.signal,
          onProgress: options.onProgress,
          log,
        })
        into.push({ source: source.name, ...result })
      } catch (error) {
        return coerceError(error)
      }
    }
    return undefined
  } finally {
    await connection.close()
  }
}

function selectSources(tenant: Tenant, names: string[] | undefined): ResolvedSource[] {
  if (!names || names.length === 0) return tenant.sources
  return names.map((name) => {
    const source = tenant.sources.find((s) => s.name === name)
    if (!source) {
      throw new ValidationError(
        `unknown source "${name}"; configured: ${tenant.sources.map((s) => s.name).join(', ')}`,
      )
    }
    return source
  })
}

/**
 * One sync per tenant at a time: a session-level advisory lock on ingestion's own connection. It waits a
 * few seconds, because the lock of a process that was just killed is released only when the server
 * notices the closed connection.
 */
async function acquireSyncLock(product: Sql, tenantId: string): Promise<void> {
  try {
    await product`set lock_timeout = '5s'`
    await product`select pg_advisory_lock(hashtext(${`revops.sync:${tenantId}`}))`
    await product`set lock_timeout = 0`
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') {
      throw new ConflictError(`a sync for tenant "${tenantId}" is already running`)
    }
    throw error
  }
}
