// Pipeline stage `sync`: RAW ingestion of every configured source (incremental).
import { syncSources } from '../ingest/sync-sources.ts'
import type { PipelineStage } from './pipeline-stage.ts'

export const syncStage: PipelineStage = {
  name: 'sync',
  description: 'mirror source tables into raw.*',
  async run(context) {
    const report = await syncSources({
      productUrl: context.productUrl,
      tenant: context.tenant,
      mode: 'incremental',
      jobId: context.jobId,
      signal: context.signal,
      onProgress: context.onProgress,
      log: context.log,
    })
    const sum = (key: 'rowsRead' | 'inserted' | 'updated' | 'deleted') =>
      report.tables.reduce((total, t) => total + t[key], 0)
    return {
      syncId: report.syncId,
      tables: report.tables.length,
      read: sum('rowsRead'),
      inserted: sum('inserted'),
      updated: sum('updated'),
      deleted: sum('deleted'),
    }
  },
}
