// `revops normalize`: RAW -> CORE for what changed since the last run (or everything with --full).
import { normalizeTenant } from '@revops/engine/normalize/stage/normalize-tenant'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { createProgressDisplay } from '../progress-bars.ts'
import { printTable } from '../reports.ts'

export function registerNormalizeCommand(program: Command): void {
  program
    .command('normalize')
    .description('normalise RAW rows changed since the last run into core.* and record data-quality issues')
    .option('--full', 're-normalise every RAW row, not only the changed ones', false)
    .action((options: { full: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const progress = createProgressDisplay()
        try {
          const report = await normalizeTenant({
            sql: runtime.sql,
            tenant: await runtime.loadTenant(),
            full: options.full,
            onProgress: progress.listener,
            log: runtime.log,
          })
          progress.stop()
          printTable(
            ['entity', 'examined', 'written', 'deleted'],
            report.entities.map((e) => [e.entity, e.examined, e.written, e.deleted]),
          )
          const issues = Object.entries(report.issuesFound)
          if (issues.length > 0)
            printTable(
              ['data-quality issue', 'found'],
              issues.map(([kind, n]) => [kind, n]),
            )
        } finally {
          progress.stop()
        }
      }),
    )
}
