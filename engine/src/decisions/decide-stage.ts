// Stage `decide` (RULES): decides POD eligibility of the tenant's ACE opportunities (all, or some) at the
// run's as-of date with a published ruleset version. Evaluating never publishes, with one exception the
// pipeline asks for (`publishConfigured`): when nothing is published yet, the tenant's own configured
// `rules/pod.yaml` becomes version 1 (the pipeline takes no ruleset name from anyone). A tenant with
// neither a published version nor that file has nothing to decide.
import { existsSync } from 'node:fs'
import { z } from 'zod'
import { rulesetFile } from '../rules/ruleset-files.ts'
import { rulesetNameSchema } from '../rules/ruleset-schema.ts'
import { defineStage } from '../stage/stage.ts'
import { type EvaluateDecisionsReport, evaluateDecisions } from './evaluate-decisions.ts'
import { DEFAULT_RULESET, ensurePublished, rulesDirOf } from './publish-ruleset.ts'
import { readLatestRulesetVersion } from './ruleset-versions.ts'

export type DecideStageReport =
  | { skipped: string }
  | (EvaluateDecisionsReport & { published?: boolean; file_differs?: boolean })

export const decideStage = defineStage({
  name: 'decide',
  description: 'decide POD eligibility of every ACE opportunity',
  options: z.object({
    ruleset: rulesetNameSchema.optional(),
    /** A published version (reproduces its decisions); the latest unless given. */
    version: z.number().int().min(1).optional(),
    /** Only these ACE opportunities. */
    aceIds: z.array(z.string().min(1)).min(1).optional(),
    /** Who asked, as recorded (a key's session is stamped with the key by the database). */
    actor: z.string().min(1).optional(),
    /** Publish the tenant's configured default ruleset as version 1 when nothing is published (the pipeline). */
    publishConfigured: z.boolean().default(false),
  }),
  async run(context, options): Promise<DecideStageReport> {
    const { sql } = context.db
    const tenantId = context.tenant.config.tenant_id
    let publishing: { published: boolean; fileDiffers: boolean } | undefined
    if (options.publishConfigured) {
      const file = rulesetFile(rulesDirOf(context.tenant), DEFAULT_RULESET)
      if (!existsSync(file.path) && !(await readLatestRulesetVersion(sql, tenantId, DEFAULT_RULESET)))
        return { skipped: `no ${DEFAULT_RULESET} ruleset published and no ${file.displayName}` }
      publishing = await ensurePublished(sql, context.tenant, DEFAULT_RULESET, { log: context.log })
    }
    const report = await evaluateDecisions(sql, {
      tenant: context.tenant,
      asOf: context.asOf,
      ruleset: options.ruleset,
      version: options.version,
      aceIds: options.aceIds,
      actor: options.actor,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      ...report,
      ...(publishing?.published ? { published: true } : {}),
      ...(publishing?.fileDiffers ? { file_differs: true } : {}),
    }
  },
})
