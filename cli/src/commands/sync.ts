// `revops sync`: the sync stage (RAW) in this process, with progress bars.
import { syncStage } from '@revops/engine/ingest'
import type { Command } from 'commander'
import { Option } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { seedDemoIfNeeded } from '../demo-sources.ts'
import { printSyncReport } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('copy the configured source tables into raw.* (incremental by watermark)')
    .addOption(
      new Option('--source <name>', 'which source to sync (a configured source name or all)').default('all'),
    )
    .option('--full', 'read every row again and reconcile rows deleted at the source', false)
    .action((options: { source: string; full: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        await seedDemoIfNeeded(runtime)
        const report = await runStageHere(runtime, syncStage, {
          sources: options.source === 'all' ? undefined : [options.source],
          mode: options.full ? 'full' : 'incremental',
        })
        printSyncReport(report.tables)
      }),
    )
}
