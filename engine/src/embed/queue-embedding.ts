// Hands the SEARCH stage to the embedding worker: an `embed` job on the `embeddings` queue, which only
// that worker process takes (it may run on a GPU machine).
import type { Sql } from '@revops/db'
import { type EnqueueResult, enqueueJob } from '../ops/job-store.ts'

export const EMBED_TASK = 'embed'
export const EMBED_QUEUE = 'embeddings'

/** Queues embedding of a tenant's changed texts, or returns the job already queued or running. */
export function queueEmbedding(sql: Sql, tenantId: string): Promise<EnqueueResult> {
  return enqueueJob(sql, {
    tenantId,
    kind: EMBED_TASK,
    payload: {},
    queueName: EMBED_QUEUE,
    reuseActive: true,
  })
}
