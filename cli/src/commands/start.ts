// `revops start` (npm start): everything on one machine. Embedded database (unless DATABASE_URL),
// migrations, the demo sources when the tenant uses them and they are missing, the job worker, the
// API, and one pipeline run queued as a job.

import { enqueueJob } from '@revops/engine/ops'
import { todayIso } from '@revops/engine/shared'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { seedDemoIfNeeded } from '../demo-sources.ts'
import { announceLocalKey } from '../local-key.ts'
import { startHttpServer, startJobWorker } from '../services.ts'

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start everything: database, demo sources if needed, job worker, API, and one pipeline run')
    .option('--no-pipeline', 'do not queue a pipeline run at start')
    .option('--no-worker', 'no job worker in this process (workers run elsewhere, e.g. docker-compose.yml)')
    .action((options: { pipeline: boolean; worker: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        await seedDemoIfNeeded(runtime)
        const worker = options.worker
          ? await startJobWorker(runtime, runtime.env.WORKER_CONCURRENCY)
          : undefined
        const server = await startHttpServer(runtime, runtime.env.PORT)
        if (options.pipeline) {
          const { job } = await enqueueJob(runtime.sql, {
            tenantId: runtime.tenantId,
            kind: 'pipeline',
            payload: { asOf: todayIso() },
            reuseActive: true,
          })
          runtime.log.info(
            `pipeline run queued (job ${job.jobId}); follow it at ${server.url}/api/v1/jobs/${job.jobId}`,
          )
        }
        await announceLocalKey(runtime, server.url)
        runtime.log.info(`ready: ${server.url}  (API docs ${server.url}/api/docs; Ctrl-C stops everything)`)
        await Promise.race([...(worker ? [worker.done] : []), server.closed])
      }),
    )
}
