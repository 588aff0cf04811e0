// The embedding worker: its own process (so it can run on a GPU machine) that loads the embedder once
// and takes only `embed` jobs from the `embeddings` queue, one at a time.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Sql } from '@revops/db'
import { createConfiguredEmbedder, createEmbedStage, EMBED_TASK, type Embedder } from '@revops/engine/embed'
import type { Logger } from '@revops/engine/shared'
import { type RunningWorker, runWorker } from '../run-worker.ts'
import { stageTask, type WorkerDeps } from '../task-runtime.ts'

export interface EmbeddingWorkerOptions {
  /** The worker role's client and URL (see WorkerDeps). */
  sql: Sql
  databaseUrl: string
  loadTenant: WorkerDeps['loadTenant']
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
    workerId: `embeddings-${hostname()}-${randomUUID()}`,
    loadTenant: options.loadTenant,
    log,
  }
  let worker: RunningWorker
  try {
    worker = await runWorker({
      deps,
      kind: 'embeddings',
      concurrency: 1,
      pollIntervalMs: options.pollIntervalMs,
      heartbeatMs: options.heartbeatMs,
      // The model stays loaded for every job: the stage's release of it is a no-op here.
      taskList: {
        [EMBED_TASK]: stageTask(
          deps,
          createEmbedStage(async () => ({ ...embedder, close: async () => {} })),
        ),
      },
    })
  } catch (error) {
    await embedder.close()
    throw error
  }
  log.info(
    `embedding worker ready: ${embedder.model}, ${embedder.semantic ? 'semantic' : 'NOT semantic (lexical fallback)'}`,
  )
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      log.info('embedding worker: stopping after the batch in flight')
      await worker.stop()
      await embedder.close()
    })()
    return stopping
  }
  return { embedder, stop, done: worker.done.then(() => stopping) }
}
