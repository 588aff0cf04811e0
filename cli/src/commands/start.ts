// `revops start` (npm start): everything on one machine. Embedded database (unless DATABASE_URL),
// migrations, the demo sources when the tenant uses them and they are missing, the job worker, the
// API, and one pipeline run queued as a job.

import { enqueueJob } from '@revops/engine/ops/job-store'
import { todayIso } from '@revops/engine/shared/clock'
import { databasesSeeded } from '@revops/lab/demo/prepare-databases'
import { seedDemoSources } from '@revops/lab/demo/seed-demo-sources'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { announceLocalKey } from '../local-key.ts'
import type { Runtime } from '../runtime.ts'
import { startHttpServer, startJobWorker } from '../services.ts'

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start everything: database, demo sources if needed, job worker, API, and one pipeline run')
    .option('--no-pipeline', 'do not queue a pipeline run at start')
    .action((options: { pipeline: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        await seedDemoIfNeeded(runtime)
        const worker = await startJobWorker(runtime, runtime.env.WORKER_CONCURRENCY)
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
        await Promise.race([worker.done, server.closed])
      }),
    )
}

/** Seeds the demo sources once, when the tenant reads the demo databases and they are not there. */
async function seedDemoIfNeeded(runtime: Runtime): Promise<void> {
  const tenant = await runtime.loadTenant()
  const demoDatabases = tenant.sources.filter((s) => s.origin === 'default').map((s) => s.default_database!)
  if (demoDatabases.length === 0) return
  if (await databasesSeeded(runtime.database.serverUrl, demoDatabases)) return
  runtime.log.info('first start: creating the demo source databases (revops demo seed)')
  await seedDemoSources({ serverUrl: runtime.database.serverUrl, anchorDate: todayIso() })
}
