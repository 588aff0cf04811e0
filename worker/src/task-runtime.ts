// Wraps a job's work so ops.jobs always tells the truth: running with progress while it works,
// succeeded with its result, or the error of each failed attempt (queued again while retries remain).
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config/load-tenant-config'
import type { Embedder } from '@revops/engine/embed/embedder'
import { AppError, coerceError } from '@revops/engine/errors'
import {
  markJobAttemptFailed,
  markJobRunning,
  markJobSucceeded,
  recordJobProgress,
} from '@revops/engine/jobs/job-store'
import type { Logger } from '@revops/engine/logger'
import type { ProgressListener } from '@revops/engine/progress'
import type { JobHelpers, Task } from 'graphile-worker'
import { z } from 'zod'

export interface WorkerDeps {
  sql: Sql
  databaseUrl: string
  loadTenant: (tenantId: string) => Promise<Tenant>
  /** The embedder of the pipeline's SEARCH stage (the lexical fallback when not given). */
  acquireEmbedder?: () => Promise<Embedder>
  log: Logger
}

export interface JobContext {
  jobId: string
  tenantId: string
  signal: AbortSignal
  onProgress: ProgressListener
  log: Logger
}

const basePayload = z.object({ jobId: z.uuid(), tenantId: z.string() })

/** Builds a graphile-worker task from a payload schema and the work to do. */
export function defineTask<S extends z.ZodObject>(
  deps: WorkerDeps,
  schema: S,
  work: (payload: z.output<S>, context: JobContext) => Promise<unknown>,
): Task {
  const fullSchema = basePayload.extend(schema.shape)
  return async (rawPayload: unknown, helpers: JobHelpers) => {
    const parsed = fullSchema.safeParse(rawPayload)
    if (!parsed.success) {
      // A malformed payload never succeeds: fail permanently instead of retrying.
      const message = `invalid job payload: ${z.prettifyError(parsed.error)}`
      const jobId = (rawPayload as { jobId?: string })?.jobId
      if (jobId) await markJobAttemptFailed(deps.sql, jobId, message, false).catch(() => {})
      deps.log.error(message, { task: helpers.job.task_identifier })
      return
    }
    const payload = parsed.data as z.output<S> & { jobId: string; tenantId: string }
    const log = deps.log.child({ job: payload.jobId, task: helpers.job.task_identifier })
    await markJobRunning(deps.sql, payload.jobId, helpers.job.attempts)
    const onProgress = throttledProgress(deps.sql, payload.jobId)
    try {
      const result = await work(payload, {
        jobId: payload.jobId,
        tenantId: payload.tenantId,
        signal: helpers.abortSignal,
        onProgress,
        log,
      })
      if (helpers.abortSignal.aborted) throw new Error('stopped by worker shutdown; will resume')
      await markJobSucceeded(deps.sql, payload.jobId, result)
    } catch (thrown) {
      const error = coerceError(thrown)
      const permanent = isPermanentFailure(error)
      const willRetry = !permanent && helpers.job.attempts < helpers.job.max_attempts
      await markJobAttemptFailed(deps.sql, payload.jobId, error.message, willRetry)
      log.error(`attempt ${helpers.job.attempts} of ${helpers.job.max_attempts} failed: ${error.message}`)
      // A retry cannot fix what the input says is wrong: the job is done (failed), not retried.
      if (permanent) return
      throw error
    }
  }
}

/** Errors about the job's input or configuration: the same attempt would fail the same way again. */
const PERMANENT_CODES = new Set(['validation_failed', 'invalid_config', 'not_found', 'unauthorized'])

export function isPermanentFailure(error: Error): boolean {
  return error instanceof AppError && PERMANENT_CODES.has(error.code)
}

/** Writes progress at most twice a second (jobs may report thousands of times). */
function throttledProgress(sql: Sql, jobId: string): ProgressListener {
  let last = 0
  return (progress) => {
    const now = Date.now()
    if (now - last < 500 && progress.total !== progress.done) return
    last = now
    void recordJobProgress(sql, jobId, {
      done: progress.done,
      total: progress.total,
      message: progress.step,
    }).catch(() => {})
  }
}
