// Task `decide`: evaluate a tenant's ACE opportunities (all, or the given ones) at an as-of date with
// the latest published ruleset version or a given one — what POST /decisions/evaluate queues.
import { evaluateDecisions } from '@revops/engine/decisions/evaluate-decisions'
import { todayIso } from '@revops/engine/pipeline/run-pipeline'
import { rulesetNameSchema } from '@revops/engine/rules/ruleset-schema'
import { z } from 'zod'
import { defineTask, type WorkerDeps } from '../task-runtime.ts'

export function decideTask(deps: WorkerDeps) {
  const payload = z.object({
    asOf: z.iso.date().optional(),
    ruleset: rulesetNameSchema.optional(),
    version: z.number().int().min(1).optional(),
    aceIds: z.array(z.string().min(1)).min(1).optional(),
    actor: z.string().min(1).optional(),
  })
  return defineTask(deps, payload, async (input, context) =>
    evaluateDecisions(context.sql, {
      tenant: await deps.loadTenant(context.tenantId),
      asOf: input.asOf ?? todayIso(),
      ruleset: input.ruleset,
      version: input.version,
      aceIds: input.aceIds,
      actor: input.actor,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    }),
  )
}
