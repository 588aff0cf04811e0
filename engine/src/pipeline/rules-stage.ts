// Pipeline stage `rules`: decides POD eligibility of every ACE opportunity at the pipeline's as-of date
// with the latest published `pod` version. The tenant's own configured file becomes version 1 when none is
// published (the only publishing not asked for by a person: the pipeline takes no ruleset name from
// anyone). Tenants with neither a published version nor a rules file skip it.
import { existsSync } from 'node:fs'
import { evaluateDecisions } from '../decisions/evaluate-decisions.ts'
import { DEFAULT_RULESET, ensurePublished, rulesDirOf } from '../decisions/publish-ruleset.ts'
import { readLatestRulesetVersion } from '../decisions/ruleset-versions.ts'
import { rulesetFile } from '../rules/ruleset-files.ts'
import type { PipelineStage } from './pipeline-stage.ts'

export const rulesStage: PipelineStage = {
  name: 'rules',
  description: 'decide POD eligibility of every ACE opportunity',
  async run(context) {
    const tenantId = context.tenant.config.tenant_id
    const file = rulesetFile(rulesDirOf(context.tenant), DEFAULT_RULESET)
    if (!existsSync(file.path) && !(await readLatestRulesetVersion(context.sql, tenantId, DEFAULT_RULESET)))
      return { skipped: `no ${DEFAULT_RULESET} ruleset published and no ${file.displayName}` }
    const ensured = await ensurePublished(context.sql, context.tenant, DEFAULT_RULESET, { log: context.log })
    const report = await evaluateDecisions(context.sql, {
      tenant: context.tenant,
      asOf: context.asOf,
      version: ensured.version.version,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      version: report.version,
      evaluated: report.evaluated,
      appended: report.appended,
      ...report.outcomes,
      ...(ensured.published ? { published: true } : {}),
      ...(ensured.fileDiffers ? { file_differs: true } : {}),
    }
  },
}
