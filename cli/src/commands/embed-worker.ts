// `revops embed-worker`: the embedding worker until Ctrl-C (finishing the batch in flight). Run it on a
// GPU machine with DATABASE_URL pointing at the product database.
import { connect } from '@revops/db'
import { runEmbeddingWorker } from '@revops/worker'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { type EmbeddingCommandOptions, embeddingSettings, withEmbeddingOptions } from './embed.ts'

export function registerEmbedWorkerCommand(program: Command): void {
  withEmbeddingOptions(
    program
      .command('embed-worker')
      .description('run the embedding worker (embed jobs of the embeddings queue) until stopped'),
  ).action((options: EmbeddingCommandOptions, command: Command) =>
    withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
      const sql = connect(runtime.runtimeUrls.worker, { max: 2, applicationName: 'revops-embed-worker' })
      runtime.shutdown.onShutdown(() => sql.end({ timeout: 5 }))
      const worker = await runEmbeddingWorker({
        sql,
        databaseUrl: runtime.runtimeUrls.worker,
        loadTenant: (tenantId) => runtime.loadTenant(tenantId),
        ...embeddingSettings(runtime, options),
        log: runtime.log,
      })
      runtime.shutdown.onShutdown(() => worker.stop())
      runtime.log.info('embedding worker running; Ctrl-C to stop')
      await worker.done
    }),
  )
}
