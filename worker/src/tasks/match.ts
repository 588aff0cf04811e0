// Task `match`: match a tenant's ACE opportunities (incremental unless mode is full).
import { loadMatchingConfig } from '@revops/engine/match/config/load-matching-config'
import { matchTenant } from '@revops/engine/match/match-tenant'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export function matchTask(deps: WorkerDeps) {
  return defineTask(
    deps,
    z.object({ mode: z.enum(['auto', 'full']).default('auto') }),
    async (payload, context) => {
      const tenant = await deps.loadTenant(context.tenantId)
      const report = await matchTenant({
        sql: context.sql,
        tenantId: context.tenantId,
        config: await loadMatchingConfig(tenant),
        mode: payload.mode,
        jobId: context.jobId,
        onProgress: context.onProgress,
        log: context.log,
      })
      return {
        runId: report.runId,
        mode: report.mode,
        model: report.model,
        rescored: report.rescored,
        candidates: report.candidatePairs,
        bands: report.bands,
      }
    },
  )
}
