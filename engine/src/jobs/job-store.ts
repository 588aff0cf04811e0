// Durable job records (ops.jobs) and their hand-off to graphile-worker, in one transaction: a job is
// either recorded and queued, or neither.
import { randomUUID } from 'node:crypto'
import type { Sql, TransactionSql } from '@revops/db'
import { NotFoundError } from '../errors.ts'

type Db = Sql | TransactionSql

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface JobRecord {
  jobId: string
  tenantId: string
  kind: string
  status: JobStatus
  payload: Record<string, unknown>
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
  /** Return the queued or running job of the same kind and payload instead of adding another. */
  reuseActive?: boolean
}

export interface EnqueueResult {
  job: JobRecord
  created: boolean
}

export async function enqueueJob(sql: Sql, input: EnqueueJobInput): Promise<EnqueueResult> {
  return sql.begin(async (tx) => {
    if (input.reuseActive) {
      // Serialise concurrent requests for the same work so only one job is added.
      await tx`select pg_advisory_xact_lock(hashtext(${`revops.job:${input.tenantId}:${input.kind}`}))`
      const [active] = await tx<JobRow[]>`
        select ${jobColumns(tx)} from ops.jobs
        where tenant_id = ${input.tenantId} and kind = ${input.kind} and status in ('queued', 'running')
          and payload = ${tx.json(input.payload as never)}::jsonb
        order by created_at desc limit 1`
      if (active) return { job: toJob(active), created: false }
    }
    const jobId = randomUUID()
    const [row] = await tx<JobRow[]>`
      insert into ops.jobs (job_id, tenant_id, kind, payload)
      values (${jobId}, ${input.tenantId}, ${input.kind}, ${tx.json(input.payload as never)})
      returning ${jobColumns(tx)}`
    await tx`
      select graphile_worker.add_job(
        ${input.kind},
        ${tx.json({ ...input.payload, jobId, tenantId: input.tenantId } as never)}::json,
        queue_name => ${input.queueName ?? null}::text,
        max_attempts => ${input.maxAttempts ?? 8}::int,
        job_key => ${`revops:${jobId}`}::text
      )`
    return { job: toJob(row!), created: true }
  })
}

export async function getJob(sql: Db, tenantId: string, jobId: string): Promise<JobRecord> {
  const [row] = await sql<JobRow[]>`
    select ${jobColumns(sql)} from ops.jobs where tenant_id = ${tenantId} and job_id = ${jobId}`
  if (!row) throw new NotFoundError(`no job ${jobId}`)
  return toJob(row)
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

export async function markJobRunning(sql: Db, jobId: string, attempts: number): Promise<void> {
  await sql`
    update ops.jobs set status = 'running', attempts = ${attempts}, started_at = coalesce(started_at, now()),
      updated_at = now()
    where job_id = ${jobId}`
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
  return sql`job_id, tenant_id, kind, status, payload, progress_done, progress_total, progress_message,
    attempts, last_error, result, created_at, started_at, finished_at`
}

function toJob(row: JobRow): JobRecord {
  return {
    jobId: row.job_id,
    tenantId: row.tenant_id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
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
