// What the health routes report. Liveness/readiness (public): does the database answer, is a job worker
// alive; nothing about any tenant and no error text. Details (behind a key): the tenant's last sync, its
// job queue and any stuck work (a job `running` on a worker that is gone).
import type { Sql } from '@revops/db'
import { LIVE_WORKER_SECONDS } from './job-store.ts'

export type HealthStatus = 'ok' | 'degraded' | 'down'

export interface Liveness {
  status: HealthStatus
  database: { ok: boolean; latency_ms: number | null }
  worker: { ok: boolean }
}

export interface StuckJob {
  job_id: string
  kind: string
  started_at: string | null
  worker_id: string | null
}

export interface HealthDetails {
  status: HealthStatus
  database: { ok: boolean; latency_ms: number | null }
  worker: { ok: boolean; live_workers: number; last_seen_at: string | null }
  last_sync: { sync_id: string; status: string; started_at: string; finished_at: string | null } | null
  jobs: { queued: number; running: number; stuck: number }
  /** Running on a worker whose heartbeat stopped; a live worker queues them again within seconds. */
  stuck_jobs: StuckJob[]
}

/** The job workers whose heartbeat is recent, and when any was last seen. */
export async function liveWorkers(sql: Sql): Promise<{ live: number; last_seen_at: Date | null }> {
  const [row] = await sql<{ live: number; last_seen_at: Date | null }[]>`
    select count(*) filter (where last_seen_at > now() - make_interval(secs => ${LIVE_WORKER_SECONDS}) and stopped_at is null)::int as live,
           max(last_seen_at) as last_seen_at
    from ops.worker_heartbeats where kind = 'jobs'`
  return row ?? { live: 0, last_seen_at: null }
}

async function timedPing(sql: Sql): Promise<number | null> {
  const started = performance.now()
  try {
    await sql`select 1`
    return Math.round((performance.now() - started) * 100) / 100
  } catch {
    return null
  }
}

/** Whether the database answers and a job worker is alive (public: no tenant, no error text). */
export async function readLiveness(sql: Sql): Promise<Liveness> {
  const latency = await timedPing(sql)
  if (latency === null)
    return { status: 'down', database: { ok: false, latency_ms: null }, worker: { ok: false } }
  const workers = await liveWorkers(sql)
  const workerOk = workers.live > 0
  return {
    status: workerOk ? 'ok' : 'degraded',
    database: { ok: true, latency_ms: latency },
    worker: { ok: workerOk },
  }
}

/** A job (`ops.jobs j`) running on a worker whose heartbeat stopped: stuck until it is released. */
export function runningOnDeadWorker(sql: Sql) {
  return sql`j.status = 'running' and not exists (
    select 1 from ops.worker_heartbeats h
    where h.worker_id = j.worker_id and h.stopped_at is null
      and h.last_seen_at > now() - make_interval(secs => ${LIVE_WORKER_SECONDS}))`
}

/** The tenant's view of the platform's health: its last sync, its queue and its stuck work. */
export async function readHealthDetails(sql: Sql, tenantId: string): Promise<HealthDetails> {
  const latency = await timedPing(sql)
  if (latency === null) {
    return {
      status: 'down',
      database: { ok: false, latency_ms: null },
      worker: { ok: false, live_workers: 0, last_seen_at: null },
      last_sync: null,
      jobs: { queued: 0, running: 0, stuck: 0 },
      stuck_jobs: [],
    }
  }
  const workers = await liveWorkers(sql)
  const [sync] = await sql<{ sync_id: string; status: string; started_at: Date; finished_at: Date | null }[]>`
    select sync_id::text, status, started_at, finished_at from ops.syncs
    where tenant_id = ${tenantId} order by started_at desc limit 1`
  const [jobs] = await sql<{ queued: number; running: number }[]>`
    select count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'running')::int as running
    from ops.jobs where tenant_id = ${tenantId} and status in ('queued', 'running')`
  const stuck = await sql<
    { job_id: string; kind: string; started_at: Date | null; worker_id: string | null }[]
  >`
    select j.job_id::text, j.kind, j.started_at, j.worker_id from ops.jobs j
    where j.tenant_id = ${tenantId} and ${runningOnDeadWorker(sql)}
    order by j.started_at`
  const workerOk = workers.live > 0
  return {
    status: workerOk && stuck.length === 0 ? 'ok' : 'degraded',
    database: { ok: true, latency_ms: latency },
    worker: {
      ok: workerOk,
      live_workers: workers.live,
      last_seen_at: workers.last_seen_at?.toISOString() ?? null,
    },
    last_sync: sync
      ? {
          sync_id: sync.sync_id,
          status: sync.status,
          started_at: sync.started_at.toISOString(),
          finished_at: sync.finished_at?.toISOString() ?? null,
        }
      : null,
    jobs: { queued: jobs?.queued ?? 0, running: jobs?.running ?? 0, stuck: stuck.length },
    stuck_jobs: stuck.map((job) => ({
      job_id: job.job_id,
      kind: job.kind,
      started_at: job.started_at?.toISOString() ?? null,
      worker_id: job.worker_id,
    })),
  }
}
