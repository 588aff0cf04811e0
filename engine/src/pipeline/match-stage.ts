// Pipeline stage `match`: incremental matching (a full run when there is no model for the current
// configuration yet). Tenants without a matching.yaml skip it.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadMatchingConfig } from '../match/config/load-matching-config.ts'
import { matchTenant } from '../match/match-tenant.ts'
import type { PipelineStage } from './pipeline-stage.ts'

export const matchStage: PipelineStage = {
  name: 'match',
  description: 'match ACE opportunities to Odoo opportunities',
  async run(context) {
    if (!existsSync(path.join(context.tenant.dir, 'matching.yaml'))) return { skipped: 'no matching.yaml' }
    const report = await matchTenant({
      sql: context.sql,
      tenantId: context.tenant.config.tenant_id,
      config: await loadMatchingConfig(context.tenant),
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      mode: report.mode,
      model: report.model,
      rescored: report.rescored,
      candidates: report.candidatePairs,
      ...report.bands,
    }
  },
}
