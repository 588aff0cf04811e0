// Task `normalize`: RAW -> CORE for what changed.
import { normalizeTenant } from '@revops/engine/normalize/stage/normalize-tenant'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export function normalizeTask(deps: WorkerDeps) {
  return defineTask(deps, z.object({ full: z.boolean().default(false) }), async (payload, context) => {
    const report = await normalizeTenant({
      sql: context.sql,
      tenant: await deps.loadTenant(context.tenantId),
      full: payload.full,
      onProgress: context.onProgress,
      log: context.log,
    })
    return { entities: report.entities, issues: report.issuesFound }
  })
}
