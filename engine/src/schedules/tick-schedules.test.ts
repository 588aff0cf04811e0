// The scheduler against an injected clock: a whole day minute by minute, as the worker's tick sees it.
import { connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tenantConfigSchema } from '../config/tenant-config.ts'
import { listSchedules } from './list-schedules.ts'
import { tickSchedules } from './tick-schedules.ts'

const db = useTestDatabase()
let worker: Sql

const acme = tenantConfigSchema.parse({
  tenant_id: 'acme',
  display_name: 'Acme',
  sources: { odoo: { url_env: 'ODOO_URL', tables: ['crm_lead'] } },
  schedules: [
    { name: 'hourly', task: 'pipeline', cron: '0 * * * *', timezone: 'Europe/Berlin' },
    {
      name: 'nightly',
      task: 'reconcile',
      cron: '30 2 * * *',
      timezone: 'Europe/Berlin',
      catch_up_minutes: 180,
    },
    {
      name: 'office',
      task: 'sync',
      cron: '*/20 9-17 * * 1-5',
      timezone: 'America/New_York',
      catch_up_minutes: 0,
    },
    { name: 'paused', task: 'pipeline', cron: '* * * * *', enabled: false },
  ],
})
const beta = tenantConfigSchema.parse({
  tenant_id: 'beta',
  display_name: 'Beta',
  sources: { odoo: { url_env: 'ODOO_URL', tables: ['crm_lead'] } },
  schedules: [{ name: 'hourly', task: 'pipeline', cron: '15 * * * *' }],
})

const runsOf = (tenant: string) =>
  db.sql<{ schedule: string; slot: Date; outcome: string; kind: string; payload: Record<string, unknown> }[]>`
    select r.schedule, r.slot, r.outcome, j.kind, j.payload from ops.schedule_runs r join ops.jobs j using (job_id)
    where r.tenant_id = ${tenant} order by r.slot, r.schedule`
/** Every queued job finishes at once (a worker that keeps up), so runs never overlap unless a test says so. */
const finishJobs = () =>
  db.sql`update ops.jobs set status = 'succeeded', finished_at = now() where status = 'queued'`
const minutes = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(from) + i * 60_000))

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('beta', 'Beta')`
  worker = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 1 })
})
afterAll(() => worker.end())
beforeEach(async () => {
  await db.sql`delete from ops.schedule_runs`
  await db.sql`delete from ops.jobs`
})

describe('the scheduler, through one day of an injected clock', () => {
  it('queues every run exactly as configured, once each, in each schedule’s time zone', async () => {
    // Monday 7 December 2026, UTC midnight to midnight, every minute ticked twice (two workers).
    for (const now of minutes('2026-12-07T00:00:00Z', 24 * 60)) {
      await tickSchedules(worker, { tenants: [acme, beta], now })
      await tickSchedules(worker, { tenants: [acme, beta], now })
      await finishJobs()
    }
    const runs = await runsOf('acme')
    const hourly = runs.filter((r) => r.schedule === 'hourly')
    expect(hourly).toHaveLength(24)
    // Berlin is UTC+1 in December: its full hours are UTC full hours.
    expect(hourly.map((r) => r.slot.getUTCMinutes())).toEqual(Array(24).fill(0))
    expect(hourly.every((r) => r.kind === 'pipeline' && r.outcome === 'queued')).toBe(true)
    const nightly = runs.filter((r) => r.schedule === 'nightly')
    expect(nightly.map((r) => [r.slot.toISOString(), r.kind, r.payload.mode])).toEqual([
      ['2026-12-07T01:30:00.000Z', 'sync', 'full'],
    ])
    // 09:00–17:40 New York (UTC−5) on a Monday, every 20 minutes: 27 runs from 14:00 to 22:40 UTC.
    const office = runs.filter((r) => r.schedule === 'office')
    expect(office).toHaveLength(27)
    expect(office[0]!.slot.toISOString()).toBe('2026-12-07T14:00:00.000Z')
    expect(office.at(-1)!.slot.toISOString()).toBe('2026-12-07T22:40:00.000Z')
    expect(runs.some((r) => r.schedule === 'paused')).toBe(false)
    // Beta's 23:15 slot of the day before is not made up at midnight: the schedule had never run.
    expect((await runsOf('beta')).map((r) => r.slot.getUTCMinutes())).toEqual(Array(24).fill(15))
  })

  it('never overlaps a run still going: the next slot joins it', async () => {
    const [first] = await tickSchedules(worker, { tenants: [beta], now: new Date('2026-12-07T10:15:00Z') })
    expect(first).toMatchObject({ outcome: 'queued', recorded: true })
    const [second] = await tickSchedules(worker, { tenants: [beta], now: new Date('2026-12-07T11:15:00Z') })
    expect(second).toMatchObject({ outcome: 'joined', recorded: true, jobId: first!.jobId })
    const [jobs] = await db.sql`select count(*)::int as n from ops.jobs where tenant_id = 'beta'`
    expect(jobs!.n).toBe(1)
  })

  it('makes up a run missed during downtime once, within its catch-up window, and skips older ones', async () => {
    // Both ran the day before; then no worker from 00:05 to 04:10: the hourly slots 01:00–04:00 and the
    // nightly 01:30 (UTC) were missed.
    await tickSchedules(worker, { tenants: [acme], now: new Date('2026-12-07T00:00:00Z') })
    await tickSchedules(worker, { tenants: [acme], now: new Date('2026-12-06T01:30:00Z') })
    await finishJobs()
    await db.sql`delete from ops.schedule_runs where slot >= '2026-12-07T00:00:00Z' and schedule = 'nightly'`
    await db.sql`delete from ops.schedule_runs where schedule = 'hourly' and slot < '2026-12-07T00:00:00Z'`
    const back = new Date('2026-12-07T04:10:00Z')
    await tickSchedules(worker, { tenants: [acme], now: back })
    const runs = (await runsOf('acme')).filter((r) => r.slot >= new Date('2026-12-07T00:30:00Z'))
    expect(runs.map((r) => [r.schedule, r.slot.toISOString()])).toEqual([
      ['nightly', '2026-12-07T01:30:00.000Z'], // within its 180 minutes
      ['hourly', '2026-12-07T04:00:00.000Z'], // only the newest hourly slot; 01:00–03:00 are skipped
    ])
  })

  it('does not catch up a schedule that never ran: it starts with its next slot', async () => {
    expect(await tickSchedules(worker, { tenants: [acme], now: new Date('2026-12-07T04:10:00Z') })).toEqual(
      [],
    )
    expect(await runsOf('acme')).toEqual([])
  })

  it('follows DST: 23 hourly runs on the day Berlin springs forward, and no 02:30 that day', async () => {
    for (const now of minutes('2026-03-28T23:00:00Z', 23 * 60)) {
      await tickSchedules(worker, { tenants: [acme], now })
      await finishJobs()
    }
    const runs = await runsOf('acme')
    expect(runs.filter((r) => r.schedule === 'hourly')).toHaveLength(23)
    expect(runs.filter((r) => r.schedule === 'nightly')).toEqual([])
  })

  it('lists each schedule with its last run, how it ended and the next one', async () => {
    await tickSchedules(worker, { tenants: [acme], now: new Date('2026-12-07T09:00:00Z') })
    await db.sql`update ops.jobs set status = 'failed', last_error = 'source unreachable' where tenant_id = 'acme'`
    const views = await listSchedules(db.sql, acme, new Date('2026-12-07T09:05:00Z'))
    expect(views.find((v) => v.name === 'hourly')).toMatchObject({
      last_run_at: '2026-12-07T09:00:00.000Z',
      last_outcome: 'failed',
      last_error: 'source unreachable',
      next_run_at: '2026-12-07T10:00:00.000Z',
    })
    expect(views.find((v) => v.name === 'nightly')).toMatchObject({
      last_run_at: null,
      next_run_at: '2026-12-08T01:30:00.000Z',
    })
    expect(views.find((v) => v.name === 'paused')).toMatchObject({ enabled: false, next_run_at: null })
  })

  it('refuses a session that is neither the worker nor the owner', async () => {
    const api = connect(runtimeRoleUrl(db.url, 'revops_app'), { max: 1 })
    try {
      await expect(
        api`select * from ops.queue_scheduled_run('acme', 'x', now(), 'pipeline', '{}'::jsonb)`,
      ).rejects.toThrow(/only the job worker|permission denied/)
    } finally {
      await api.end()
    }
  })
})
