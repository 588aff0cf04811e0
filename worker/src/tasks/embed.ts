// Task `embed` (SEARCH): embeds a tenant's changed texts with the embedder the worker process holds.
import { embedPending } from '@revops/engine/embed/embed-stage'
import type { Embedder } from '@revops/engine/embed/embedder'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export function embedTask(deps: WorkerDeps, embedder: Embedder) {
  return defineTask(deps, z.object({}), async (_payload, context) => {
    const result = await embedPending({
      sql: context.sql,
      tenantId: context.tenantId,
      embedder,
      signal: context.signal,
      onProgress: context.onProgress,
      log: context.log,
    })
    return result
  })
}
