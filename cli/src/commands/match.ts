// `revops match`: the match stage (MATCH) in this process: every ACE opportunity to its Odoo opportunity.
import { matchStage } from '@revops/engine/match'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { printTable } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('match ACE opportunities to Odoo opportunities (incremental unless --full)')
    .option('--full', 're-estimate the model and re-score every record', false)
    .action((options: { full: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const report = await runStageHere(runtime, matchStage, { mode: options.full ? 'full' : 'auto' })
        if (report.skipped) return void process.stdout.write(`nothing to match: ${report.skipped}\n`)
        process.stdout.write(`model ${report.model?.action}: ${report.model?.reason}\n`)
        printTable(
          ['run', 'mode', 'records', 're-scored', 'candidates', 'auto_link', 'review', 'no_link'],
          [
            [
              report.run_id ?? '',
              report.mode ?? '',
              report.records ?? 0,
              report.rescored ?? 0,
              report.candidates ?? 0,
              report.bands?.auto_link ?? 0,
              report.bands?.review ?? 0,
              report.bands?.no_link ?? 0,
            ],
          ],
        )
        printTable(
          ['blocking rule', 'pairs proposed'],
          Object.entries(report.blocking ?? {}).map(([rule, n]) => [rule, n]),
        )
      }),
    )
}
