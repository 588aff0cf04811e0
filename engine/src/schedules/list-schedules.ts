// A tenant's schedules as the API shows them: the configuration, the last run (its slot, the job and how
// it ended) and when the next one is due.
import type { Sql } from '@revops/db'
import type { ScheduleConfig, TenantConfig } from '../config/tenant-config.ts'
import { nextCronTime, parseCron } from '../shared/cron-expression.ts'

export interface ScheduleView {
  name: string
  task: ScheduleConfig['task']
  cron: string
  timezone: string
  enabled: boolean
  catch_up_minutes: number
  last_run_at: string | null
  last_job_id: string | null
  /** `queued`, `running`, `succeeded`, `failed`, or `joined` (the previous run was still going). */
  last_outcome: string | null
  last_error: string | null
  next_run_at: string | null
}

export async function listSchedules(sql: Sql, config: TenantConfig, now: Date): Promise<ScheduleView[]> {
  const last = await sql<
    {
      schedule: string
      slot: Date
      job_id: string | null
      outcome: string
      status: string | null
      error: string | null
    }[]
  >`
    select distinct on (r.schedule) r.schedule, r.slot, r.job_id::text, r.outcome, j.status, j.last_error as error
    from ops.schedule_runs r left join ops.jobs j on j.job_id = r.job_id
    where r.tenant_id = ${config.tenant_id}
    order by r.schedule, r.slot desc`
  const byName = new Map(last.map((row) => [row.schedule, row]))
  return config.schedules.map((schedule) => {
    const run = byName.get(schedule.name)
    const next = schedule.enabled ? nextCronTime(parseCron(schedule.cron), schedule.timezone, now) : null
    return {
      name: schedule.name,
      task: schedule.task,
      cron: schedule.cron,
      timezone: schedule.timezone,
      enabled: schedule.enabled,
      catch_up_minutes: schedule.catch_up_minutes,
      last_run_at: run ? run.slot.toISOString() : null,
      last_job_id: run?.job_id ?? null,
      last_outcome: run ? (run.outcome === 'joined' ? 'joined' : (run.status ?? 'queued')) : null,
      last_error: run?.error ?? null,
      next_run_at: next?.toISOString() ?? null,
    }
  })
}
