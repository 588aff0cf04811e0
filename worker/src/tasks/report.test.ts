// The `report` job on a real job worker (logged in as its runtime role): queued by the monthly schedule's
// tick or as the API queues it, run by the worker, and kept in ops.reports attributed to whoever asked.
import { randomUUID } from 'node:crypto'
import { connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import type { Tenant } from '@revops/engine/config'
import { enqueueJob, getJob } from '@revops/engine/ops'
import { defaultPeriod } from '@revops/engine/reports'
import { tickSchedules } from '@revops/engine/schedules'
import { silentLogger, todayIso } from '@revops/engine/shared'
import { minimalTenant } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWorker } from '../run-worker.ts'
import { createTaskList } from '../task-list.ts'
import type { WorkerDeps } from '../task-runtime.ts'

const db = useTestDatabase()
let workerSql: Sql

const tenant: Tenant = (() => {
  const base = minimalTenant('acme')
  return {
    ...base,
    config: {
      ...base.config,
      schedules: [
        {
          name: 'monthly-report',
          task: 'report',
          cron: '0 6 1 * *',
          timezone: 'Europe/Berlin',
          catch_up_minutes: 900,
          enabled: true,
        },
      ],
    },
  }
})()

async function settled(jobId: string) {
  for (let i = 0; i < 300; i++) {
    const job = await getJob(db.sql, 'acme', jobId)
    if (job.status === 'succeeded' || job.status === 'failed') return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${jobId} did not finish`)
}

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  await db.sql`
    insert into ops.ruleset_versions (tenant_id, ruleset, version, content, content_hash, author)
    values ('acme', 'pod', 1, '{"parameters": {"spend_threshold": 5000}}', ${`sha256:${'0'.repeat(64)}`}, 'tests')`
  await db.sql`
    insert into core.ace_opportunities (tenant_id, ace_id, raw_pk, customer_name, aws_account_id_status, project_budget)
    values ('acme', 'O1', 'O1', 'Northwind', 'missing', 1200.50)`
  await db.sql`
    insert into ops.decisions (tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, outcome, rules,
                               facts, fingerprint, run_id, actor)
    values ('acme', 'O1', 'pod', 1, ${`sha256:${'0'.repeat(64)}`}, '2026-10-20', 'auto_approve', '[]', '{}', 'f',
            gen_random_uuid(), 'tests')`
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
})
afterAll(() => workerSql.end())

describe('report task', () => {
  it('makes the report the monthly schedule queues, and the one a person asks for, and keeps both', async () => {
    const deps: WorkerDeps = {
      sql: workerSql,
      databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
      workerId: `jobs-${randomUUID()}`,
      loadTenant: async () => tenant,
      log: silentLogger,
    }
    const worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100 })
    try {
      // 06:00 in Berlin on the 1st of November is 05:00 UTC: the schedule's slot.
      const [scheduled] = await tickSchedules(workerSql, {
        tenants: [tenant.config],
        now: new Date('2026-11-01T05:00:00Z'),
      })
      expect(scheduled).toMatchObject({ schedule: 'monthly-report', outcome: 'queued', recorded: true })
      const fromSchedule = await settled(scheduled!.jobId!)
      expect(fromSchedule).toMatchObject({ kind: 'report', status: 'succeeded', attempts: 1 })
      // The job runs now: as of today, about the month of yesterday.
      expect(fromSchedule.result).toMatchObject({
        period: defaultPeriod(todayIso()),
        as_of: todayIso(),
        approved: 1,
        in_review: 0,
        rejected: 0,
      })

      // As POST /api/v1/reports queues it: the period and the day fixed when asked.
      const { job } = await enqueueJob(db.sql, {
        tenantId: 'acme',
        kind: 'report',
        payload: { period: '2026-10', asOf: '2026-11-01' },
        requestedBy: 'kim',
      })
      const asked = await settled(job.jobId)
      expect(asked).toMatchObject({
        status: 'succeeded',
        result: { period: '2026-10', as_of: '2026-11-01', approved: 1 },
      })

      const reports = await db.sql<
        { period: string; as_of: string; job_id: string; requested_by: string; summary: any; html: string }[]
      >`select period, as_of::text as as_of, job_id::text, requested_by, summary, html
        from ops.reports where tenant_id = 'acme' order by report_id`
      expect(reports).toHaveLength(2)
      expect(reports[0]).toMatchObject({
        job_id: fromSchedule.jobId,
        requested_by: 'schedule:monthly-report',
      })
      expect(reports[1]).toMatchObject({
        period: '2026-10',
        as_of: '2026-11-01',
        job_id: job.jobId,
        requested_by: 'kim',
        summary: { monthly_spend_at_stake: { approved: '1200.5' }, spend_thresholds: { 'pod v1': 5000 } },
      })
      expect(reports[1]!.html).toContain('POD report — October 2026')
    } finally {
      await worker.stop()
    }
  })
})
