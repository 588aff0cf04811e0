// Pipeline stage `normalize`: RAW -> CORE for what changed since the last run.
import { normalizeTenant } from '../normalize/stage/normalize-tenant.ts'
import type { PipelineStage } from './pipeline-stage.ts'

export const normalizeStage: PipelineStage = {
  name: 'normalize',
  description: 'normalise changed RAW rows into core.*',
  async run(context) {
    const report = await normalizeTenant({
      sql: context.sql,
      tenant: context.tenant,
      onProgress: context.onProgress,
      log: context.log,
    })
    return {
      changes: `${report.window.from}..${report.window.to}`,
      written: report.entities.reduce((sum, e) => sum + e.written, 0),
      deleted: report.entities.reduce((sum, e) => sum + e.deleted, 0),
      issues: Object.values(report.issuesFound).reduce((sum, n) => sum + n, 0),
    }
  },
}
