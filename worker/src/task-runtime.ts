// Wraps a job's work so ops.jobs always tells the truth: running with progress while it works,
// succeeded with its result, or the error of each failed attempt (queued again while retries remain).
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config'
import type { Embedder } from '@revops/engine/embed'
import { markJobAttemptFailed, markJobRunning, markJobSucceeded, recordJobProgress } from '@revops/engine/ops'
import {
  AppError,
  coerceError,
  type Logger,
  type ProgressListener,
  ValidationError,
} from '@revops/engine/shared'
import { type Stage, stageContext } from '@revops/engine/stage'
import { connectForJob, jobDatabaseUrl } from '@revops/engine/tenancy'
import type { JobHelpers, Task } from 'graphile-worker'
import { z } from 'zod'

export interface WorkerDeps {
  /** The worker process's own client (role revops_worker, no job): heartbeats, releasing dead workers. */
  sql: Sql
  /** The worker role's URL: graphile-worker connects with it, and each job's client adds the job to it. */
  databaseUrl: string
  /** This process's id in ops.worker_heartbeats (the jobs it runs are recorded under it). */
  workerId: string
  loadTenant: (tenantId: string) => Promise<Tenant>
  /** The tenants whose configuration exists (the scheduler reads their schedules; none when absent). */
  listTenantIds?: () => Promise<string[]>
  /** The embedder of the pipeline's SEARCH stage (the lexical fallback when not given). */
  acquireEmbedder?: () => Promise<Embedder>
  log: Logger
}

export interface JobContext {
  jobId: string
  tenantId: string
  /** The payload as queued (fields the task's own schema did not name included). */
  rawPayload: Record<string, unknown>
  /** The job's client: its sessions present the job, so they see the job's tenant's rows only. */
  sql: Sql
  /** The job's database URL, for stages that open connections of their own (bound the same way). */
  databaseUrl: string
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
    const rawJobId = (rawPayload as { jobId?: unknown } | null)?.jobId
    const jobId = typeof rawJobId === 'string' && z.uuid().safeParse(rawJobId).success ? rawJobId : undefined
    if (!jobId) {
      // Not one of ours (ops.enqueue_job always sets it): nothing to record, nothing to retry.
      deps.log.error('job without a job id; dropped', { task: helpers.job.task_identifier })
      return
    }
    const sql = connectForJob(deps.databaseUrl, jobId)
    try {
      await runJob(sql, jobId, rawPayload, helpers)
    } finally {
      await sql.end({ timeout: 5 })
    }
  }

  async function runJob(sql: Sql, jobId: string, rawPayload: unknown, helpers: JobHelpers) {
    const parsed = fullSchema.safeParse(rawPayload)
    if (!parsed.success) {
      // A malformed payload never succeeds: fail permanently instead of retrying.
      const message = `invalid job payload: ${z.prettifyError(parsed.error)}`
      await markJobAttemptFailed(sql, jobId, message, false)
      deps.log.error(message, { task: helpers.job.task_identifier })
      return
    }
    const payload = parsed.data as z.output<S> & { jobId: string; tenantId: string }
    const log = deps.log.child({ job: jobId, task: helpers.job.task_identifier })
    // The session's tenant comes from the job's own record; a payload naming another is not ours to run.
    const [bound] = await sql<{ tenant_id: string | null }[]>`select ops.current_tenant() as tenant_id`
    if (bound?.tenant_id !== payload.tenantId) {
      log.error(`job ${jobId} is not a queued job of tenant ${payload.tenantId}; dropped`)
      if (bound?.tenant_id)
        await markJobAttemptFailed(sql, jobId, 'the job does not belong to its tenant', false)
      return
    }
    await markJobRunning(sql, jobId, {
      attempts: helpers.job.attempts,
      workerId: deps.workerId,
      lockedBy: helpers.job.locked_by,
    })
    const onProgress = throttledProgress(sql, jobId, log)
    try {
      const result = await work(payload, {
        jobId,
        tenantId: payload.tenantId,
        rawPayload: rawPayload as Record<string, unknown>,
        sql,
        databaseUrl: jobDatabaseUrl(deps.databaseUrl, jobId),
        signal: helpers.abortSignal,
        onProgress,
        log,
      })
      if (helpers.abortSignal.aborted) throw new Error('stopped by worker shutdown; will resume')
      await markJobSucceeded(sql, jobId, result)
    } catch (thrown) {
      const error = coerceError(thrown)
      const permanent = isPermanentFailure(error)
      const willRetry = !permanent && helpers.job.attempts < helpers.job.max_attempts
      await markJobAttemptFailed(sql, jobId, error.message, willRetry)
      log.error(`attempt ${helpers.job.attempts} of ${helpers.job.max_attempts} failed: ${error.message}`)
      // A retry cannot fix what the input says is wrong: the job is done (failed), not retried.
      if (permanent) return
      throw error
    }
  }
}

/**
 * A task that runs a stage: the payload carries the stage's options (defaults applied) and, optionally,
 * the run's as-of date; the stage runs over the job's context (its tenant, its database binding, its
 * progress and abort signal) and its report is the job's result.
 */
export function stageTask<Options, Report>(deps: WorkerDeps, stage: Stage<Options, Report>): Task {
  return defineTask(deps, z.object({ asOf: z.iso.date().optional() }), async (payload, job) => {
    const { jobId: _job, tenantId: _tenant, asOf: _asOf, ...given } = job.rawPayload
    const options = stage.options.safeParse(given)
    if (!options.success) throw new ValidationError(`invalid job payload: ${z.prettifyError(options.error)}`)
    const context = stageContext({
      tenant: await deps.loadTenant(job.tenantId),
      sql: job.sql,
      url: job.databaseUrl,
      asOf: payload.asOf,
      jobId: job.jobId,
      signal: job.signal,
      onProgress: job.onProgress,
      log: job.log,
    })
    return stage.run(context, options.data)
  })
}

/** Errors about the job's input or configuration: the same attempt would fail the same way again. */
const PERMANENT_CODES = new Set(['validation_failed', 'invalid_config', 'not_found', 'unauthorized'])

export function isPermanentFailure(error: Error): boolean {
  return error instanceof AppError && PERMANENT_CODES.has(error.code)
}

/** Writes progress at most twice a second (jobs may report thousands of times). */
function throttledProgress(sql: Sql, jobId: string, log: Logger): ProgressListener {
  let last = 0
  return (progress) => {
    const now = Date.now()
    if (now - last < 500 && progress.total !== progress.done) return
    last = now
    // Progress is a courtesy to whoever watches; losing one update must not fail the job.
    void recordJobProgress(sql, jobId, {
      done: progress.done,
      total: progress.total,
      message: progress.step,
    }).catch((error: unknown) => log.debug(`progress not recorded: ${coerceError(error).message}`))
  }
}
