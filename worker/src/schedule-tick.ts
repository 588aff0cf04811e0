// The scheduler's minute tick: graphile-worker's cron queues `schedule-tick` every minute, and the task
// reads the tenants' schedules from their configuration (so a changed tenant.yaml takes effect at the
// next minute, without a restart) and queues what is due. graphile-worker's job key keeps one tick in
// the queue at a time; ops.queue_scheduled_run keeps each slot to one run whatever the number of workers.
import { tickSchedules } from '@revops/engine/schedules'
import { coerceError } from '@revops/engine/shared'
import { parseCronItems, type Task } from 'graphile-worker'
import type { WorkerDeps } from './task-runtime.ts'

export const SCHEDULE_TICK = 'schedule-tick'

/** The job worker's crontab: the tick, every minute, never backfilled (the tick makes up missed slots). */
export const SCHEDULER_CRONTAB = parseCronItems([
  {
    task: SCHEDULE_TICK,
    match: '* * * * *',
    identifier: 'revops-schedule-tick',
    options: { backfillPeriod: 0, jobKey: 'revops-schedule-tick', maxAttempts: 1 },
  },
])

export function scheduleTickTask(deps: WorkerDeps): Task {
  const log = deps.log.child({ component: 'scheduler' })
  return async (payload) => {
    // graphile-worker stamps each cron job with the minute it is for.
    const ts = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts
    const now = ts ? new Date(ts) : new Date()
    const tenants = []
    for (const tenantId of (await deps.listTenantIds?.()) ?? []) {
      try {
        tenants.push((await deps.loadTenant(tenantId)).config)
      } catch (error) {
        log.warn(`tenant ${tenantId}: its schedules are not read (${coerceError(error).message})`)
      }
    }
    await tickSchedules(deps.sql, { tenants, now, log })
  }
}
