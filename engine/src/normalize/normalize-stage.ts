// Stage `normalize` (CORE): RAW rows changed since the last run (or all of them) into core.*, with every
// data-quality problem recorded.
import { z } from 'zod'
import { defineStage } from '../stage/stage.ts'
import { normalizeTenant } from './stage/normalize-tenant.ts'

export interface NormalizeStageReport {
  /** The RAW change positions covered, `from..to`. */
  changes: string
  entities: { entity: string; examined: number; written: number; deleted: number; skipped: boolean }[]
  written: number
  deleted: number
  /** Data-quality issues found, by kind. */
  issues: Record<string, number>
}

export const normalizeStage = defineStage({
  name: 'normalize',
  description: 'normalise changed RAW rows into core.*',
  options: z.object({
    /** Re-normalise every RAW row, not only the changed ones. */
    full: z.boolean().default(false),
  }),
  async run(context, options): Promise<NormalizeStageReport> {
    const report = await normalizeTenant({
      sql: context.db.sql,
      tenant: context.tenant,
      full: options.full,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      changes: `${report.window.from}..${report.window.to}`,
      entities: report.entities.map((e) => ({
        entity: e.entity,
        examined: e.examined,
        written: e.written,
        deleted: e.deleted,
        skipped: e.skipped ?? false,
      })),
      written: report.entities.reduce((sum, e) => sum + e.written, 0),
      deleted: report.entities.reduce((sum, e) => sum + e.deleted, 0),
      issues: report.issuesFound,
    }
  },
})
