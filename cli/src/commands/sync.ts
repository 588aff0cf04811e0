// `revops sync`: mirror source tables into RAW now (in this process, with progress bars).
import { syncSources } from '@revops/engine/ingest/sync-sources'
import type { Command } from 'commander'
import { Option } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { createProgressDisplay } from '../progress-bars.ts'
import { printSyncReport } from '../reports.ts'

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
        const progress = createProgressDisplay()
        try {
          const report = await syncSources({
            productUrl: runtime.database.url,
            tenant: await runtime.loadTenant(),
            sources: options.source === 'all' ? undefined : [options.source],
            mode: options.full ? 'full' : 'incremental',
            signal: runtime.shutdown.signal,
            onProgress: progress.listener,
            log: runtime.log,
          })
          progress.stop()
          printSyncReport(report.tables)
        } finally {
          progress.stop()
        }
      }),
    )
}
