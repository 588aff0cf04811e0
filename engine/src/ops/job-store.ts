// Durable job records (ops.jobs) and their hand-off to graphile-worker, in one transaction: a job is
// either recorded and queued, or neither.
import type { Sql, TransactionSql } from '@revops/db'
import { NotFoundError } from '../shared/errors.ts'

type Db = Sql | TransactionSql

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface JobRecord {
  jobId: string
  tenantId: string
  kind: string
  status: JobStatus
  payload: Record<string, unknown>
  /** Who asked: an API key's name, or `system`. */
  requestedBy: string
  progress: { done: number; total: number | null; message: string | null }
  attempts: number
  lastError: string | null
  result: unknown
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

export interface EnqueueJobInput {
  tenantId: string
  /** What the job does, e.g. `sync`; also the graphile-worker task identifier. */
  kind: string
  payload: Record<string, unknown>
  /** Jobs in one queue run one at a time, in order. */
  queueName?: string
  maxAttempts?: number
  /** Return the queued job of the same kind and payload (or one running on a live worker) instead. */
  reuseActive?: boolean
  /**
   * Who asked, for the owner's sessions (the CLI); a session that presented an API key or a job is its
   * own requester, whatever this says.
   */
  requestedBy?: string
}

export interface EnqueueResult {
  job: JobRecord
  created: boolean
}

/**
 * Records and queues a job in one transaction (ops.enqueue_job): a job is either recorded and queued, or
 * neither. A session bound to a tenant can queue for that tenant only.
 */
export async function enqueueJob(sql: Sql, input: EnqueueJobInput): Promise<EnqueueResult> {
  const [row] = await sql<{ job_id: string; created: boolean }[]>`
    select job_id, created from ops.enqueue_job(
      ${input.tenantId}, ${input.kind}, ${sql.json(input.payload as never)}::jsonb, ${input.queueName ?? null}::text,
      ${input.maxAttempts ?? 8}::int, ${input.reuseActive ?? false}, ${input.requestedBy ?? 'system'},
      ${LIVE_WORKER_SECONDS}::int)`
  return { job: await getJob(sql, input.tenantId, row!.job_id), created: row!.created }
}

/** A worker whose heartbeat is older than this is gone (heartbeats come every 10 s). */
export const LIVE_WORKER_SECONDS = 30

export async function getJob(sql: Db, tenantId: string, jobId: string): Promise<JobRecord> {
  const [row] = await sql<JobRow[]>`
    select ${jobColumns(sql)} from ops.jobs where tenant_id = ${tenantId} and job_id = ${jobId}`
  if (!row) throw new NotFoundError(`no job ${jobId}`)
  return toJob(row)
}

/** Whether a job has ended (succeeded, or failed with no attempt left). */
export function isJobFinished(job: JobRecord): boolean {
  return job.status === 'succeeded' || job.status === 'failed'
}

/** Reads a job until it has finished or `timeoutMs` passed; its last state either way. */
export async function waitForJob(
  sql: Db,
  tenantId: string,
  jobId: string,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<JobRecord> {
  const deadline = Date.now() + options.timeoutMs
  let job = await getJob(sql, tenantId, jobId)
  while (!isJobFinished(job) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000))
    job = await getJob(sql, tenantId, jobId)
  }
  return job
}

export async function listJobs(
  sql: Db,
  tenantId: string,
  filter: { statuses?: JobStatus[]; limit?: number } = {},
): Promise<JobRecord[]> {
  const statuses = filter.statuses ?? ['queued', 'running', 'succeeded', 'failed']
  const rows = await sql<JobRow[]>`
    select ${jobColumns(sql)} from ops.jobs
    where tenant_id = ${tenantId} and status = any(${statuses})
    order by created_at desc limit ${filter.limit ?? 20}`
  return rows.map(toJob)
}

/** The job started an attempt on worker `workerId` (graphile-worker locked it as `lockedBy`). */
export async function markJobRunning(
  sql: Db,
  jobId: string,
  attempt: { attempts: number; workerId?: string | undefined; lockedBy?: string | null | undefined },
): Promise<void> {
  await sql`
    update ops.jobs set status = 'running', attempts = ${attempt.attempts}, started_at = coalesce(started_at, now()),
      worker_id = ${attempt.workerId ?? null}, locked_by = ${attempt.lockedBy ?? null}, updated_at = now()
    where job_id = ${jobId}`
}

export interface ReleasedJob {
  jobId: string
  tenantId: string
  kind: string
  workerId: string
}

/**
 * Puts the jobs of workers that died (no heartbeat for LIVE_WORKER_SECONDS, no clean stop) back in the
 * queue and unlocks them in graphile-worker, so another worker takes them now rather than in four hours.
 */
export async function releaseDeadWorkers(sql: Db): Promise<ReleasedJob[]> {
  const rows = await sql<{ job_id: string; tenant_id: string; kind: string; worker_id: string }[]>`
    select job_id, tenant_id, kind, worker_id from ops.release_dead_workers(${LIVE_WORKER_SECONDS}::int)`
  return rows.map((row) => ({
    jobId: row.job_id,
    tenantId: row.tenant_id,
    kind: row.kind,
    workerId: row.worker_id,
  }))
}

export async function recordJobProgress(
  sql: Db,
  jobId: string,
  progress: { done: number; total?: number | undefined; message?: string | undefined },
): Promise<void> {
  await sql`
    update ops.jobs set progress_done = ${progress.done}, progress_total = ${progress.total ?? null},
      progress_message = ${progress.message ?? null}, updated_at = now()
    where job_id = ${jobId}`
}

export async function markJobSucceeded(sql: Db, jobId: string, result: unknown): Promise<void> {
  await sql`
    update ops.jobs set status = 'succeeded', result = ${sql.json((result ?? null) as never)},
      last_error = null, finished_at = now(), updated_at = now()
    where job_id = ${jobId}`
}

/** A failed attempt: back to `queued` while graphile-worker will retry, `failed` after the last. */
export async function markJobAttemptFailed(
  sql: Db,
  jobId: string,
  error: string,
  willRetry: boolean,
): Promise<void> {
  await sql`
    update ops.jobs set status = ${willRetry ? 'queued' : 'failed'}, last_error = ${error},
      finished_at = case when ${willRetry} then null else now() end, updated_at = now()
    where job_id = ${jobId}`
}

interface JobRow {
  job_id: string
  tenant_id: string
  kind: string
  status: JobStatus
  payload: Record<string, unknown>
  requested_by: string
  progress_done: string
  progress_total: string | null
  progress_message: string | null
  attempts: number
  last_error: string | null
  result: unknown
  created_at: Date
  started_at: Date | null
  finished_at: Date | null
}

function jobColumns(sql: Db) {
  return sql`job_id, tenant_id, kind, status, payload, requested_by, progress_done, progress_total, progress_message,
    attempts, last_error, result, created_at, started_at, finished_at`
}

function toJob(row: JobRow): JobRecord {
  return {
    jobId: row.job_id,
    tenantId: row.tenant_id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    requestedBy: row.requested_by,
    progress: {
      done: Number(row.progress_done),
      total: row.progress_total === null ? null : Number(row.progress_total),
      message: row.progress_message,
    },
    attempts: row.attempts,
    lastError: row.last_error,
    result: row.result,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  }
}
