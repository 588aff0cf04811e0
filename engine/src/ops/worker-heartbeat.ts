// Worker processes report that they are alive every few seconds (read by /health and the UI).
import { hostname } from 'node:os'
import type { Sql } from '@revops/db'

export interface Heartbeat {
  stop(): Promise<void>
}

export async function startHeartbeat(
  sql: Sql,
  workerId: string,
  kind: 'jobs' | 'embeddings',
  everyMs = 10_000,
): Promise<Heartbeat> {
  const beat = () => sql`
    insert into ops.worker_heartbeats (worker_id, kind, hostname) values (${workerId}, ${kind}, ${hostname()})
    on conflict (worker_id) do update set last_seen_at = now(), stopped_at = null`
  await beat()
  const timer = setInterval(() => void beat().catch(() => {}), everyMs)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await sql`update ops.worker_heartbeats set stopped_at = now() where worker_id = ${workerId}`.catch(
        () => {},
      )
    },
  }
}
