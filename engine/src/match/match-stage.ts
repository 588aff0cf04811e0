// Stage `match` (MATCH): matches the tenant's left records (ACE opportunities) to the right ones (Odoo
// opportunities) as its matching.yaml describes — incremental with the stored model, or a full run that
// estimates the model again. A tenant without a matching.yaml has nothing to match.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { defineStage } from '../stage/stage.ts'
import { loadMatchingConfig } from './config/load-matching-config.ts'
import { type MatchTenantReport, matchTenant } from './match-tenant.ts'

export interface MatchStageReport {
  skipped?: string
  run_id?: string
  mode?: MatchTenantReport['mode']
  model?: MatchTenantReport['model']
  records?: number
  rescored?: number
  candidates?: number
  /** Pairs each blocking rule proposed. */
  blocking?: Record<string, number>
  bands?: Record<string, number>
}

export const matchStage = defineStage({
  name: 'match',
  description: 'match ACE opportunities to Odoo opportunities',
  options: z.object({
    /** `auto`: incremental when the stored model fits, else full. */
    mode: z.enum(['auto', 'full']).default('auto'),
  }),
  async run(context, options): Promise<MatchStageReport> {
    if (!existsSync(path.join(context.tenant.dir, 'matching.yaml'))) return { skipped: 'no matching.yaml' }
    const report = await matchTenant({
      sql: context.db.sql,
      tenantId: context.tenant.config.tenant_id,
      config: await loadMatchingConfig(context.tenant),
      mode: options.mode,
      jobId: context.jobId,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      run_id: report.runId,
      mode: report.mode,
      model: report.model,
      records: report.leftRecords,
      rescored: report.rescored,
      candidates: report.candidatePairs,
      blocking: report.perRule,
      bands: report.bands,
    }
  },
})
