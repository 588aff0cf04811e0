// The operations function (migrate at deploy, scheduled runs, queue metrics) against a real PostgreSQL:
// an empty database migrated as a deployment does it (twice: the second run changes nothing), the
// schedule queuing once per tenant and never overlapping itself, and the metrics line CloudWatch reads.
import { fileURLToPath } from 'node:url'
import { API_ROLE, runtimeRoleUrl, setRuntimeLogins, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOpsHandler, type OpsHandler } from './ops-handler.ts'

const TENANTS_DIR = fileURLToPath(new URL('../../../tenants', import.meta.url))
const db = useTestDatabase({ empty: true })
const lines: string[] = []
let ops: OpsHandler

beforeAll(() => {
  ops = createOpsHandler(
    {
      DATABASE_URL: db.url,
      // The roles' passwords of this test server (changing them would disturb the other test files).
      API_DATABASE_URL: runtimeRoleUrl(db.url, API_ROLE),
      WORKER_DATABASE_URL: runtimeRoleUrl(db.url, WORKER_ROLE),
      TENANTS_DIR,
      STAGE: 'test',
    },
    { writeLine: (line) => lines.push(line), now: () => new Date('2026-12-06T12:00:00Z') },
  )
})
afterAll(() => ops.close())

describe('the operations function', () => {
  it('migrates an empty database, installs the job queue and registers the bundled tenants; again: nothing to do', async () => {
    const first = await ops.handler({ action: 'migrate' })
    expect((first.applied as string[]).length).toBeGreaterThan(10)
    expect(first.tenants).toEqual(['demo', 'demo-pc'])
    const [queue] =
      await db.sql`select count(*)::int as n from pg_namespace where nspname = 'graphile_worker'`
    expect(queue!.n).toBe(1)
    expect(await db.sql`select tenant_id from ops.tenants order by 1`).toEqual([
      { tenant_id: 'demo' },
      { tenant_id: 'demo-pc' },
    ])
    const second = await ops.handler({ action: 'migrate' })
    expect(second).toMatchObject({ applied: [], tenants: ['demo', 'demo-pc'] })
  })

  it('queues a scheduled run once per tenant; a second tick while it waits returns the same job', async () => {
    const first = (await ops.handler({ action: 'schedule', kind: 'pipeline' })) as any
    expect(first.jobs).toEqual([
      { tenant_id: 'demo', job_id: expect.any(String), created: true },
      { tenant_id: 'demo-pc', job_id: expect.any(String), created: true },
    ])
    const second = (await ops.handler({ action: 'schedule', kind: 'pipeline' })) as any
    expect(second.jobs).toEqual(first.jobs.map((job: object) => ({ ...job, created: false })))
    const [job] =
      await db.sql`select kind, status, requested_by from ops.jobs where job_id = ${first.jobs[0].job_id}`
    expect(job).toEqual({ kind: 'pipeline', status: 'queued', requested_by: 'schedule' })
    // A different payload is different work: the nightly full sync beside the hourly pipeline.
    const nightly = (await ops.handler({
      action: 'schedule',
      kind: 'sync',
      payload: { mode: 'full' },
    })) as any
    expect(nightly.jobs[0].created).toBe(true)
  })

  it('publishes the queue as CloudWatch metrics (embedded metric format on stdout)', async () => {
    await db.sql`
      insert into ops.jobs (job_id, tenant_id, kind, status, finished_at, attempts)
      values (gen_random_uuid(), 'demo', 'sync', 'failed', now() - interval '1 minute', 8),
             (gen_random_uuid(), 'demo', 'sync', 'failed', now() - interval '2 hours', 8)`
    const figures = await ops.handler({ action: 'metrics' })
    expect(figures).toMatchObject({ failedJobs: 1, queuedJobs: 4, stuckJobs: 0, liveWorkers: 0 })
    expect(figures.oldestQueuedSeconds).toBeGreaterThanOrEqual(0)
    const line = JSON.parse(lines.at(-1)!)
    expect(line._aws).toEqual({
      Timestamp: Date.parse('2026-12-06T12:00:00Z'),
      CloudWatchMetrics: [
        {
          Namespace: 'RevOpsPod',
          Dimensions: [['Stage']],
          Metrics: expect.arrayContaining([
            { Name: 'failedJobs', Unit: 'Count' },
            { Name: 'queuedJobs', Unit: 'Count' },
            { Name: 'oldestQueuedSeconds', Unit: 'Seconds' },
            { Name: 'stuckJobs', Unit: 'Count' },
          ]),
        },
      ],
    })
    expect(line).toMatchObject({ Stage: 'test', failedJobs: 1, queuedJobs: 4 })
  })

  it('refuses what is not an operations event, and runtime passwords too short to be secrets', async () => {
    await expect(ops.handler({ action: 'drop-everything' })).rejects.toThrow(/not an operations event/)
    await expect(ops.handler({ action: 'schedule', kind: 'embed' })).rejects.toThrow(
      /not an operations event/,
    )
    await expect(
      setRuntimeLogins(db.sql, db.url, { [API_ROLE]: 'short', [WORKER_ROLE]: 'x'.repeat(32) }),
    ).rejects.toThrow(/at least 16 characters/)
  })
})
