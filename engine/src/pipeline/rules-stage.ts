// Pipeline stage `rules`: decides POD eligibility of every ACE opportunity at the pipeline's as-of date
// with the latest published `pod` version (the tenant's file becomes version 1 when none is published).
// Tenants with neither a published version nor a rules file skip it.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { evaluateDecisions } from '../decisions/evaluate-decisions.ts'
import { DEFAULT_RULESET, rulesDirOf } from '../decisions/publish-ruleset.ts'
import { readLatestRulesetVersion } from '../decisions/ruleset-versions.ts'
import type { PipelineStage } from './pipeline-stage.ts'

export const rulesStage: PipelineStage = {
  name: 'rules',
  description: 'decide POD eligibility of every ACE opportunity',
  async run(context) {
    const tenantId = context.tenant.config.tenant_id
    const file = path.join(rulesDirOf(context.tenant), `${DEFAULT_RULESET}.yaml`)
    if (!existsSync(file) && !(await readLatestRulesetVersion(context.sql, tenantId, DEFAULT_RULESET)))
      return { skipped: `no ${DEFAULT_RULESET} ruleset published and no ${file}` }
    const report = await evaluateDecisions(context.sql, {
      tenant: context.tenant,
      asOf: context.asOf,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      version: report.version,
      evaluated: report.evaluated,
      appended: report.appended,
      ...report.outcomes,
      ...(report.file_differs ? { file_differs: true } : {}),
    }
  },
}
