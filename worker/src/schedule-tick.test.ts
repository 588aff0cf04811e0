// The job worker's scheduler: graphile-worker's cron knows the tick, and the tick queues what the tenants'
// schedules say is due (tenants whose configuration cannot be read are skipped, not fatal).
import { randomUUID } from 'node:crypto'
import { connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import type { Tenant } from '@revops/engine/config'
import { silentLogger } from '@revops/engine/shared'
import { minimalTenant } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWorker } from './run-worker.ts'
import { SCHEDULER_CRONTAB, scheduleTickTask } from './schedule-tick.ts'
import { createTaskList } from './task-list.ts'
import type { WorkerDeps } from './task-runtime.ts'

const db = useTestDatabase()
let workerSql: Sql

const withSchedules = (tenantId: string): Tenant => {
  const tenant = minimalTenant(tenantId)
  return {
    ...tenant,
    config: {
      ...tenant.config,
      schedules: [
        {
          name: 'hourly',
          task: 'pipeline',
          cron: '0 * * * *',
          timezone: 'UTC',
          catch_up_minutes: 60,
          enabled: true,
        },
      ],
    },
  }
}
const deps = (): WorkerDeps => ({
  sql: workerSql,
  databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
  workerId: `jobs-${randomUUID()}`,
  loadTenant: async (tenantId) => {
    if (tenantId === 'broken') throw new Error('tenant.yaml: line 3: bad')
    return withSchedules(tenantId)
  },
  listTenantIds: async () => ['acme', 'broken'],
  log: silentLogger,
})

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
})
afterAll(() => workerSql.end())

describe('the scheduler tick', () => {
  it('queues the due run of each tenant at the minute graphile-worker stamped, as the worker role', async () => {
    const tick = scheduleTickTask(deps())
    const payload = { _cron: { ts: '2026-12-07T10:00:00.000Z', backfilled: false } }
    await tick(payload, {} as never)
    await tick(payload, {} as never)
    const runs = await db.sql`
      select r.schedule, r.slot, j.kind, j.requested_by, j.status from ops.schedule_runs r join ops.jobs j using (job_id)`
    expect(runs).toEqual([
      {
        schedule: 'hourly',
        slot: new Date('2026-12-07T10:00:00Z'),
        kind: 'pipeline',
        requested_by: 'schedule:hourly',
        status: 'queued',
      },
    ])
  })

  it('is on the job worker’s crontab, every minute, never backfilled', async () => {
    const worker = await runWorker({
      deps: deps(),
      taskList: createTaskList(deps()),
      crontab: SCHEDULER_CRONTAB,
      pollIntervalMs: 100,
    })
    try {
      for (let i = 0; i < 100; i++) {
        const known = await db.sql`select identifier from graphile_worker._private_known_crontabs`
        if (known.length > 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(await db.sql`select identifier from graphile_worker._private_known_crontabs`).toEqual([
        { identifier: 'revops-schedule-tick' },
      ])
      expect(SCHEDULER_CRONTAB[0]).toMatchObject({ task: 'schedule-tick', options: { backfillPeriod: 0 } })
    } finally {
      await worker.stop()
    }
  })
})
