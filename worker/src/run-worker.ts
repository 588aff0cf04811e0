// Starts graphile-worker on the product database with our task list.
import { run, type TaskList } from 'graphile-worker'
import { graphileLogger } from './graphile-logger.ts'
import type { WorkerDeps } from './task-runtime.ts'

export interface RunWorkerOptions {
  deps: WorkerDeps
  taskList: TaskList
  concurrency?: number
  /** How often to look for jobs when LISTEN/NOTIFY is quiet. */
  pollIntervalMs?: number
}

export interface RunningWorker {
  /** Stops taking jobs, lets running jobs finish their current batch, then resolves. */
  stop(): Promise<void>
  done: Promise<void>
}

export async function runWorker(options: RunWorkerOptions): Promise<RunningWorker> {
  const runner = await run({
    connectionString: options.deps.databaseUrl,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 2000,
    taskList: options.taskList,
    logger: graphileLogger(options.deps.log.child({ component: 'worker' })),
    // The process owner (CLI) handles signals and calls stop(), so shutdown order stays ours.
    noHandleSignals: true,
    // Running jobs see their abort signal quickly and stop after the batch in flight.
    gracefulShutdownAbortTimeout: 250,
    // graphile-worker 0.18 batches job completions and does not flush the batch on shutdown: a job
    // stopped by Ctrl-C would stay locked for hours. Unbatched writes finish before stop() resolves.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  })
  return { stop: () => runner.stop(), done: runner.promise }
}
