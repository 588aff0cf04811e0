// Stage `rollups` (CORE billing → the Cost Explorer's monthly rollups): rebuilds the months whose CORE
// billing rows changed (statement triggers mark them), or every month.
import { z } from 'zod'
import { defineStage } from '../stage/stage.ts'
import { refreshBillingRollups } from './refresh-billing-rollups.ts'

export interface RollupsStageReport {
  /** Months rebuilt. */
  months: number
  duration_ms: number
}

export const rollupsStage = defineStage({
  name: 'rollups',
  description: "rebuild the Cost Explorer's monthly billing rollups that changed",
  options: z.object({
    /** Every month, not only those marked changed. */
    full: z.boolean().default(false),
  }),
  async run(context, options): Promise<RollupsStageReport> {
    const started = performance.now()
    const refreshed = await refreshBillingRollups(context.db.sql, context.tenant.config.tenant_id, {
      full: options.full,
    })
    const durationMs = Math.round(performance.now() - started)
    if (refreshed.months.length > 0)
      context.log.info(`billing rollups: ${refreshed.months.length} months rebuilt in ${durationMs} ms`)
    return { months: refreshed.months.length, duration_ms: durationMs }
  },
})
