// Task `pipeline`: every stage in order, as `revops pipeline run` does.
import type { PipelineStage } from '@revops/engine/pipeline/pipeline-stage'
import { runPipeline, todayIso } from '@revops/engine/pipeline/run-pipeline'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export function pipelineTask(deps: WorkerDeps, stages: PipelineStage[]) {
  const payload = z.object({ asOf: z.iso.date().optional() })
  return defineTask(deps, payload, async (input, context) =>
    runPipeline(stages, {
      sql: context.sql,
      productUrl: context.databaseUrl,
      tenant: await deps.loadTenant(context.tenantId),
      asOf: input.asOf ?? todayIso(),
      jobId: context.jobId,
      signal: context.signal,
      onProgress: context.onProgress,
      log: context.log,
    }),
  )
}
