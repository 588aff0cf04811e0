// The job queue across all tenants, as the figures an operator alarms on: jobs that failed for good in
// the last window, work waiting and how long the oldest has waited, work running on a worker that is gone,
// and live workers. Read by the owner (the deployed metrics function; ops.jobs is tenant-bound otherwise).
import type { Sql } from '@revops/db'
import { liveWorkers, runningOnDeadWorker } from './read-health.ts'

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
  const [jobs] = await sql<{ failed: number; queued: number; oldest: number; stuck: number }[]>`
    select
      count(*) filter (where j.status = 'failed'
        and j.finished_at > now() - make_interval(secs => ${windowSeconds}))::int as failed,
      count(*) filter (where j.status = 'queued')::int as queued,
      coalesce(extract(epoch from now() - min(j.created_at) filter (where j.status = 'queued')), 0)::float8 as oldest,
      count(*) filter (where ${runningOnDeadWorker(sql)})::int as stuck
    from ops.jobs j`
  const workers = await liveWorkers(sql)
  return {
    failedJobs: jobs!.failed,
    queuedJobs: jobs!.queued,
    oldestQueuedSeconds: Math.round(jobs!.oldest),
    stuckJobs: jobs!.stuck,
    liveWorkers: workers.live,
  }
}
