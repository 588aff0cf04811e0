// Starts graphile-worker on the product database with a task list, as the worker role. The process beats
// a heartbeat (with graphile-worker's ids for its pools, which lock the jobs it takes), and at start and
// every few seconds puts the jobs of workers that died back in the queue, so a killed process never
// leaves work stuck.
import { EventEmitter } from 'node:events'
import { releaseDeadWorkers, startHeartbeat } from '@revops/engine/ops'
import { coerceError } from '@revops/engine/shared'
import { type ParsedCronItem, run, type TaskList, type WorkerEvents } from 'graphile-worker'
import { graphileLogger } from './graphile-logger.ts'
import type { WorkerDeps } from './task-runtime.ts'

export interface RunWorkerOptions {
  deps: WorkerDeps
  taskList: TaskList
  /** Recurring jobs (the job worker's scheduler tick); none for the embedding worker. */
  crontab?: ParsedCronItem[]
  /** What ops.worker_heartbeats calls it: `jobs` (the job worker) or `embeddings`. */
  kind?: 'jobs' | 'embeddings'
  concurrency?: number
  /** How often to look for jobs when LISTEN/NOTIFY is quiet. */
  pollIntervalMs?: number
  heartbeatMs?: number
  /** How often to look for the work of dead workers. */
  releaseEveryMs?: number
}

export interface RunningWorker {
  /** Stops taking jobs, lets running jobs finish their current batch, then resolves. */
  stop(): Promise<void>
  done: Promise<void>
}

export async function runWorker(options: RunWorkerOptions): Promise<RunningWorker> {
  const { deps } = options
  const log = deps.log.child({ component: 'worker' })
  const queueIds: string[] = []
  const events: WorkerEvents = new EventEmitter()
  events.on('pool:create', ({ workerPool }) => queueIds.push(workerPool.id))
  // The heartbeat exists before the first job is taken: jobs are recorded under it.
  const heartbeat = await startHeartbeat(deps.sql, deps.workerId, options.kind ?? 'jobs', {
    everyMs: options.heartbeatMs,
    queueWorkerIds: () => queueIds,
    log,
  })
  const release = async () => {
    try {
      for (const job of await releaseDeadWorkers(deps.sql))
        log.warn(`job ${job.jobId} (${job.kind}) of a worker that died is queued again`, {
          tenant: job.tenantId,
        })
    } catch (error) {
      log.warn(`could not look for the work of dead workers: ${coerceError(error).message}`)
    }
  }
  await release()
  let runner: Awaited<ReturnType<typeof run>>
  try {
    runner = await run({
      connectionString: deps.databaseUrl,
      concurrency: options.concurrency ?? 2,
      pollInterval: options.pollIntervalMs ?? 2000,
      taskList: options.taskList,
      parsedCronItems: options.crontab ?? [],
      events,
      logger: graphileLogger(log),
      // The process owner (CLI) handles signals and calls stop(), so shutdown order stays ours.
      noHandleSignals: true,
      // Running jobs see their abort signal quickly and stop after the batch in flight.
      gracefulShutdownAbortTimeout: 250,
      // graphile-worker 0.18 batches job completions and does not flush the batch on shutdown: a job
      // stopped by Ctrl-C would stay locked for hours. Unbatched writes finish before stop() resolves.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    })
  } catch (error) {
    await heartbeat.stop()
    throw error
  }
  const releaser = setInterval(() => void release(), options.releaseEveryMs ?? 15_000)
  releaser.unref()
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(releaser)
      await runner.stop()
      await heartbeat.stop()
    })()
    return stopping
  }
  return { stop, done: runner.promise.then(() => stopping) }
}
