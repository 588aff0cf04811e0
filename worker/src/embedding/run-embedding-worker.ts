// The embedding worker: its own process (so it can run on a GPU machine) that loads the embedder once
// and takes only `embed` jobs from the `embeddings` queue, one at a time.
import { randomUUID } from 'node:crypto'
import type { Sql } from '@revops/db'
import { createConfiguredEmbedder } from '@revops/engine/embed/create-embedder'
import type { Embedder } from '@revops/engine/embed/embedder'
import { EMBED_TASK } from '@revops/engine/embed/queue-embedding'
import type { Logger } from '@revops/engine/logger'
import { startHeartbeat } from '@revops/engine/ops/worker-heartbeat'
import { run } from 'graphile-worker'
import { graphileLogger } from '../graphile-logger.ts'
import type { WorkerDeps } from '../task-runtime.ts'
import { embedTask } from '../tasks/embed.ts'

export interface EmbeddingWorkerOptions {
  sql: Sql
  databaseUrl: string
  /** MODEL_DIR: bge-m3 exported to ONNX; without a model the lexical fallback runs (not semantic). */
  modelDir?: string | undefined
  defaultModelDir?: string | undefined
  batchSize?: number
  log: Logger
  pollIntervalMs?: number
  heartbeatMs?: number
}

export interface RunningEmbeddingWorker {
  embedder: Embedder
  /** Stops taking jobs, lets the batch in flight finish and be written, then releases the model. */
  stop(): Promise<void>
  done: Promise<void>
}

/** Loads the embedder, then serves `embed` jobs until stopped (the caller handles signals). */
export async function runEmbeddingWorker(options: EmbeddingWorkerOptions): Promise<RunningEmbeddingWorker> {
  const log = options.log.child({ component: 'embedding-worker' })
  const embedder = await createConfiguredEmbedder({
    modelDir: options.modelDir,
    defaultModelDir: options.defaultModelDir,
    batchSize: options.batchSize ?? 32,
    log,
  })
  const deps: WorkerDeps = {
    sql: options.sql,
    databaseUrl: options.databaseUrl,
    loadTenant: async (tenantId) => {
      throw new Error(`the embedding worker does not load tenant configuration (asked for ${tenantId})`)
    },
    log,
  }
  let runner: Awaited<ReturnType<typeof run>>
  try {
    runner = await run({
      connectionString: options.databaseUrl,
      concurrency: 1,
      pollInterval: options.pollIntervalMs ?? 2000,
      taskList: { [EMBED_TASK]: embedTask(deps, embedder) },
      logger: graphileLogger(log),
      // The process owner handles signals and calls stop(), so the model is released last.
      noHandleSignals: true,
      // The running job sees its abort signal quickly and stops after the batch in flight.
      gracefulShutdownAbortTimeout: 250,
      // Batched (even with no delay), job completions and failures are flushed before the pool
      // closes; unbatched, graphile-worker 0.18 does not await them, so a job interrupted by shutdown
      // could stay locked (and not retried) for four hours.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    })
  } catch (error) {
    await embedder.close()
    throw error
  }
  const heartbeat = await startHeartbeat(
    options.sql,
    `embeddings-${randomUUID()}`,
    'embeddings',
    options.heartbeatMs,
  )
  log.info(
    `embedding worker ready: ${embedder.model}, ${embedder.semantic ? 'semantic' : 'NOT semantic (lexical fallback)'}`,
  )
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      log.info('embedding worker: stopping after the batch in flight')
      await runner.stop()
      await heartbeat.stop()
      await embedder.close()
    })()
    return stopping
  }
  return { embedder, stop, done: runner.promise.then(() => stopping) }
}
