// Task `sync`: mirror source tables into RAW (retried with backoff when a source is unreachable).
import { syncSources } from '@revops/engine/ingest/sync-sources'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export const syncPayload = z.object({
  sources: z.array(z.string()).optional(),
  mode: z.enum(['incremental', 'full']).default('incremental'),
})

export function syncTask(deps: WorkerDeps) {
  return defineTask(deps, syncPayload, async (payload, context) => {
    const report = await syncSources({
      productUrl: context.databaseUrl,
      tenant: await deps.loadTenant(context.tenantId),
      sources: payload.sources,
      mode: payload.mode,
      jobId: context.jobId,
      signal: context.signal,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      syncId: report.syncId,
      status: report.status,
      tables: report.tables.map((t) => ({
        source: t.source,
        table: t.table,
        status: t.status,
        read: t.rowsRead,
        inserted: t.inserted,
        updated: t.updated,
        deleted: t.deleted,
      })),
    }
  })
}
