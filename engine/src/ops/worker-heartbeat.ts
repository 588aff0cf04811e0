// Worker processes report that they are alive every few seconds (read by /health, the UI, and by other
// workers, which take over the jobs of a worker whose heartbeat went quiet without a clean stop).
import { hostname } from 'node:os'
import type { Sql } from '@revops/db'
import { coerceError } from '../shared/errors.ts'
import { type Logger, silentLogger } from '../shared/logger.ts'

export interface Heartbeat {
  stop(): Promise<void>
}

export interface HeartbeatOptions {
  everyMs?: number | undefined
  /** graphile-worker's ids of this process's pools (they lock the jobs it takes). */
  queueWorkerIds?: () => readonly string[]
  log?: Logger
}

export async function startHeartbeat(
  sql: Sql,
  workerId: string,
  kind: 'jobs' | 'embeddings',
  options: HeartbeatOptions = {},
): Promise<Heartbeat> {
  const log = options.log ?? silentLogger
  const beat = () => sql`
    insert into ops.worker_heartbeats (worker_id, kind, hostname, queue_worker_ids)
    values (${workerId}, ${kind}, ${hostname()}, ${[...(options.queueWorkerIds?.() ?? [])]})
    on conflict (worker_id) do update
      set last_seen_at = now(), stopped_at = null, queue_worker_ids = excluded.queue_worker_ids`
  await beat()
  const timer = setInterval(
    () =>
      void beat().catch((error: unknown) =>
        // The database may be restarting; the next beat says we are alive again.
        log.warn(`heartbeat not recorded: ${coerceError(error).message}`),
      ),
    options.everyMs ?? 10_000,
  )
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await sql`update ops.worker_heartbeats set stopped_at = now() where worker_id = ${workerId}`.catch(
        (error: unknown) => log.warn(`heartbeat not closed: ${coerceError(error).message}`),
      )
    },
  }
}
