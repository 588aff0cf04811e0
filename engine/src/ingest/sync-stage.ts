// Stage `sync` (RAW): mirror the configured source tables into raw.* — incremental by watermark, or a
// full pass that also reconciles rows deleted at the source.
import { z } from 'zod'
import { defineStage } from '../stage/stage.ts'
import { syncSources } from './sync-sources.ts'

export interface SyncTableReport {
  source: string
  table: string
  status: string
  pass: string
  read: number
  inserted: number
  updated: number
  unchanged: number
  deleted: number
  duration_ms: number
  message?: string | undefined
}

export interface SyncStageReport {
  sync_id: string
  status: 'succeeded' | 'partial' | 'failed'
  tables: SyncTableReport[]
  read: number
  inserted: number
  updated: number
  deleted: number
}

export const syncStage = defineStage({
  name: 'sync',
  description: 'mirror source tables into raw.*',
  options: z.object({
    /** Source names; every configured source when absent. */
    sources: z.array(z.string().min(1)).optional(),
    mode: z.enum(['incremental', 'full']).default('incremental'),
  }),
  async run(context, options): Promise<SyncStageReport> {
    const report = await syncSources({
      productUrl: context.db.url,
      tenant: context.tenant,
      sources: options.sources,
      mode: options.mode,
      jobId: context.jobId,
      signal: context.signal,
      onProgress: context.onProgress,
      log: context.log,
    })
    const tables = report.tables.map((t) => ({
      source: t.source,
      table: t.table,
      status: t.status,
      pass: t.pass,
      read: t.rowsRead,
      inserted: t.inserted,
      updated: t.updated,
      unchanged: t.unchanged,
      deleted: t.deleted,
      duration_ms: t.durationMs,
      ...(t.message ? { message: t.message } : {}),
    }))
    const sum = (key: 'read' | 'inserted' | 'updated' | 'deleted') =>
      tables.reduce((total, t) => total + t[key], 0)
    return {
      sync_id: report.syncId,
      status: report.status,
      tables,
      read: sum('read'),
      inserted: sum('inserted'),
      updated: sum('updated'),
      deleted: sum('deleted'),
    }
  },
})
