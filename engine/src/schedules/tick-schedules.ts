// One tick of the scheduler (the job worker's graphile-worker cron calls it every minute): for each
// enabled schedule of each tenant, the newest slot its cron gives in the catch-up window is queued once.
// Slots are recorded by the database (ops.queue_scheduled_run), so a second tick, a second worker or a
// retried tick changes nothing, and a run whose previous run is still going joins it instead of
// overlapping. The rule for downtime: a slot missed while no worker ran is made up once when a worker
// is back, if it is within the schedule's catch_up_minutes; older slots are skipped, never queued in a
// burst. A schedule that has never run (new, or a first start) is not caught up: it begins with its next
// slot.
import type { Sql } from '@revops/db'
import { SCHEDULE_TASKS, type TenantConfig } from '../config/tenant-config.ts'
import { latestCronTime, parseCron } from '../shared/cron-expression.ts'
import { coerceError } from '../shared/errors.ts'
import { type Logger, silentLogger } from '../shared/logger.ts'

export interface TickSchedulesInput {
  tenants: readonly TenantConfig[]
  now: Date
  log?: Logger
}

export interface ScheduledRun {
  tenantId: string
  schedule: string
  slot: string
  jobId: string | null
  outcome: 'queued' | 'joined'
  /** False when this slot had been recorded already (by an earlier tick or another worker). */
  recorded: boolean
}

export async function tickSchedules(sql: Sql, input: TickSchedulesInput): Promise<ScheduledRun[]> {
  const log = input.log ?? silentLogger
  const runs: ScheduledRun[] = []
  for (const tenant of input.tenants) {
    for (const schedule of tenant.schedules) {
      if (!schedule.enabled) continue
      const windowStart = new Date(input.now.getTime() - (schedule.catch_up_minutes + 1) * 60_000)
      const slot = latestCronTime(parseCron(schedule.cron), schedule.timezone, windowStart, input.now)
      if (!slot) continue
      const task = SCHEDULE_TASKS[schedule.task]
      try {
        const catchUp = slot.getTime() < Math.floor(input.now.getTime() / 60_000) * 60_000
        const [row] = await sql<{ job_id: string | null; outcome: 'queued' | 'joined'; recorded: boolean }[]>`
          select job_id::text, outcome, recorded from ops.queue_scheduled_run(
            ${tenant.tenant_id}, ${schedule.name}, ${slot}, ${task.kind}, ${sql.json(task.payload as never)}::jsonb,
            ${catchUp})`
        // A catch-up for a schedule that never ran is not made up (it starts with its next slot).
        if (!row) continue
        const run = {
          tenantId: tenant.tenant_id,
          schedule: schedule.name,
          slot: slot.toISOString(),
          jobId: row!.job_id,
          outcome: row!.outcome,
          recorded: row!.recorded,
        }
        if (run.recorded)
          log.info(
            `schedule ${schedule.name} of ${tenant.tenant_id}: ${run.outcome} job ${run.jobId} for ${run.slot}`,
          )
        runs.push(run)
      } catch (error) {
        // One tenant's problem (not registered yet, say) does not stop the others' schedules.
        log.warn(`schedule ${schedule.name} of ${tenant.tenant_id}: ${coerceError(error).message}`)
      }
    }
  }
  return runs
}
