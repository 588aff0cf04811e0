// Stage `write-back`: plan the writes today's links call for, then run the approved ones against the
// tenant's Selling API source. A tenant that has not opted in is skipped.
import { z } from 'zod'
import type { ResolvedPartnerCentralSource } from '../config/load-tenant-config.ts'
import { openSellingApi } from '../partner-central/selling-api.ts'
import { defineStage } from '../stage/stage.ts'
import { executeWriteBacks, type WriteRunReport } from './execute-write-backs.ts'
import { planWriteBacks, type WritePlanReport } from './plan-write-backs.ts'

export type WriteBackStageReport =
  | { skipped: true; reason: string }
  | ({ skipped: false; mode: 'dry_run' | 'live' } & WritePlanReport & WriteRunReport)

export const writeBackStage = defineStage({
  name: 'write-back',
  description: 'write confirmed links back to Partner Central (opt-in, dry run by default)',
  options: z.object({ plan: z.boolean().default(true) }),
  async run(context, options): Promise<WriteBackStageReport> {
    const { tenant } = context
    const config = tenant.config.write_back
    if (!config.enabled) return { skipped: true, reason: 'write-back is not enabled for this tenant' }
    const source = tenant.sources.find((s): s is ResolvedPartnerCentralSource => s.kind === 'partnercentral')
    if (!source) return { skipped: true, reason: 'the tenant has no partnercentral source' }
    const tenantId = tenant.config.tenant_id
    const sql = context.db.sql
    const plan = options.plan
      ? await planWriteBacks(sql, { tenantId, source: source.name, catalog: source.catalog, config })
      : { planned: 0, changed: 0, superseded: 0 }
    const api = await openSellingApi({ sql, tenantId, source, signal: context.signal })
    try {
      const run = await executeWriteBacks(sql, { tenantId, api, log: context.log, signal: context.signal })
      return { skipped: false, mode: config.mode, ...plan, ...run }
    } finally {
      api.close()
    }
  },
})
