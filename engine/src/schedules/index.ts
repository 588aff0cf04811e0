// Schedules: the runs a tenant's configuration asks for, queued by the job worker's minute tick, and
// listed with their last and next run.
export { listSchedules, type ScheduleView } from './list-schedules.ts'
export { type ScheduledRun, tickSchedules } from './tick-schedules.ts'
