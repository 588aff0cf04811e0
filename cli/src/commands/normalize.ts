// `revops normalize`: CORE in this process (normalisation, then the billing rollups it changed).
import type { NormalizeStageReport } from '@revops/engine/normalize'
import { coreStage } from '@revops/engine/pipeline'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { printTable } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'

export function registerNormalizeCommand(program: Command): void {
  program
    .command('normalize')
    .description('normalise RAW rows changed since the last run into core.* and record data-quality issues')
    .option('--full', 're-normalise every RAW row, not only the changed ones', false)
    .action((options: { full: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const run = await runStageHere(runtime, coreStage, { full: options.full })
        const report = run.stages.find((s) => s.stage === 'normalize')?.report as NormalizeStageReport
        printTable(
          ['entity', 'examined', 'written', 'deleted'],
          report.entities.map((e) => [e.entity, e.examined, e.written, e.deleted]),
        )
        const issues = Object.entries(report.issues)
        if (issues.length > 0)
          printTable(
            ['data-quality issue', 'found'],
            issues.map(([kind, n]) => [kind, n]),
          )
      }),
    )
}
