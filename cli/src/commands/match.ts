// `revops match`: match every left record (ACE opportunity) to its right record (Odoo opportunity).
import { loadMatchingConfig } from '@revops/engine/match/config/load-matching-config'
import { matchTenant } from '@revops/engine/match/match-tenant'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { createProgressDisplay } from '../progress-bars.ts'
import { printTable } from '../reports.ts'

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('match ACE opportunities to Odoo opportunities (incremental unless --full)')
    .option('--full', 're-estimate the model and re-score every record', false)
    .action((options: { full: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const tenant = await runtime.loadTenant()
        const progress = createProgressDisplay()
        try {
          const report = await matchTenant({
            sql: runtime.sql,
            tenantId: tenant.config.tenant_id,
            config: await loadMatchingConfig(tenant),
            mode: options.full ? 'full' : 'auto',
            onProgress: progress.listener,
            log: runtime.log,
          })
          progress.stop()
          process.stdout.write(`model ${report.model.action}: ${report.model.reason}\n`)
          printTable(
            ['run', 'mode', 'records', 're-scored', 'candidates', 'auto_link', 'review', 'no_link'],
            [
              [
                report.runId,
                report.mode,
                report.leftRecords,
                report.rescored,
                report.candidatePairs,
                report.bands.auto_link ?? 0,
                report.bands.review ?? 0,
                report.bands.no_link ?? 0,
              ],
            ],
          )
          printTable(
            ['blocking rule', 'pairs proposed'],
            Object.entries(report.perRule).map(([rule, n]) => [rule, n]),
          )
        } finally {
          progress.stop()
        }
      }),
    )
}
