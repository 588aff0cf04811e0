// The job queue across all tenants, as the figures an operator alarms on: jobs that failed for good in
// the last window, work waiting and how long the oldest has waited, work running on a worker that is gone,
// and live workers. Read by the owner (the deployed metrics function; ops.jobs is tenant-bound otherwise).
import type { Sql } from '@revops/db'
import { LIVE_WORKER_SECONDS } from './job-store.ts'

export interface QueueMetrics {
  /** Jobs that finished `failed` within the window (every retry used up). */
  failedJobs: number
  queuedJobs: number
  /** Age of the oldest queued job, 0 when none waits. */
  oldestQueuedSeconds: number
  /** Running on a worker whose heartbeat stopped. */
  stuckJobs: number
  liveWorkers: number
}

export async function readQueueMetrics(sql: Sql, windowSeconds = 300): Promise<QueueMetrics> {
  const [row] = await sql<QueueMetrics[]>`
    select
      (select count(*)::int from ops.jobs
        where status = 'failed' and finished_at > now() - make_interval(secs => ${windowSeconds})) as "failedJobs",
      (select count(*)::int from ops.jobs where status = 'queued') as "queuedJobs",
      (select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 from ops.jobs
        where status = 'queued') as "oldestQueuedSeconds",
      (select count(*)::int from ops.jobs j where j.status = 'running' and not exists (
        select 1 from ops.worker_heartbeats h
        where h.worker_id = j.worker_id and h.stopped_at is null
          and h.last_seen_at > now() - make_interval(secs => ${LIVE_WORKER_SECONDS}))) as "stuckJobs",
      (select count(*)::int from ops.worker_heartbeats
        where kind = 'jobs' and stopped_at is null
          and last_seen_at > now() - make_interval(secs => ${LIVE_WORKER_SECONDS})) as "liveWorkers"`
  return { ...row!, oldestQueuedSeconds: Math.round(row!.oldestQueuedSeconds) }
}
