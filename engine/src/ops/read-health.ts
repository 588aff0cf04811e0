// What /health reports: database round trip, live workers, the last sync and the job queue.
import type { Sql } from '@revops/db'

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down'
  database: { ok: boolean; latency_ms: number | null; error?: string }
  worker: { ok: boolean; live_workers: number; last_seen_at: string | null }
  last_sync: { sync_id: string; status: string; started_at: string; finished_at: string | null } | null
  jobs: { queued: number; running: number }
}

/** A worker is live when its heartbeat is younger than this. */
const LIVE_SECONDS = 30

export async function readHealth(sql: Sql, tenantId: string): Promise<HealthReport> {
  const started = performance.now()
  try {
    await sql`select 1`
  } catch (error) {
    return {
      status: 'down',
      database: { ok: false, latency_ms: null, error: (error as Error).message },
      worker: { ok: false, live_workers: 0, last_seen_at: null },
      last_sync: null,
      jobs: { queued: 0, running: 0 },
    }
  }
  const latency = Math.round((performance.now() - started) * 100) / 100
  const [workers] = await sql<{ live: number; last_seen_at: Date | null }[]>`
    select count(*) filter (where last_seen_at > now() - make_interval(secs => ${LIVE_SECONDS}) and stopped_at is null)::int as live,
           max(last_seen_at) as last_seen_at
    from ops.worker_heartbeats where kind = 'jobs'`
  const [sync] = await sql<{ sync_id: string; status: string; started_at: Date; finished_at: Date | null }[]>`
    select sync_id::text, status, started_at, finished_at from ops.syncs
    where tenant_id = ${tenantId} order by started_at desc limit 1`
  const [jobs] = await sql<{ queued: number; running: number }[]>`
    select count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'running')::int as running
    from ops.jobs where tenant_id = ${tenantId} and status in ('queued', 'running')`
  const workerOk = (workers?.live ?? 0) > 0
  return {
    status: workerOk ? 'ok' : 'degraded',
    database: { ok: true, latency_ms: latency },
    worker: {
      ok: workerOk,
      live_workers: workers?.live ?? 0,
      last_seen_at: workers?.last_seen_at?.toISOString() ?? null,
    },
    last_sync: sync
      ? {
          sync_id: sync.sync_id,
          status: sync.status,
          started_at: sync.started_at.toISOString(),
          finished_at: sync.finished_at?.toISOString() ?? null,
        }
      : null,
    jobs: { queued: jobs?.queued ?? 0, running: jobs?.running ?? 0 },
  }
}
