import { randomUUID } from 'node:crypto'
import { connect, type Sql } from '@revops/db'
import { enqueueJob, getJob } from '@revops/engine/ops'
import { silentLogger } from '@revops/engine/shared'
import { createTestApp, minimalTenant, type TestApp } from '@revops/functions/testing'
import { createTaskList, type RunningWorker, runWorker, type WorkerDeps } from '@revops/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaultEnvironment, eventually, type FaultEnvironment } from './fault-environment.ts'

// The database is stopped and started again under a running API and job worker: meanwhile the API
// answers 503 in its envelope (saying nothing of hosts or ports) instead of hanging, and afterwards both
// work again by themselves, without a restart.
let env: FaultEnvironment
let app: TestApp
let workerSql: Sql
let worker: RunningWorker

beforeAll(async () => {
  env = await createFaultEnvironment()
  app = await createTestApp(env.owner, env.url, 'acme')
  workerSql = connect(env.workerUrl, { max: 2, connectTimeout: 2 })
  const deps: WorkerDeps = {
    sql: workerSql,
    databaseUrl: env.workerUrl,
    workerId: `jobs-${randomUUID()}`,
    loadTenant: async (tenantId) => minimalTenant(tenantId),
    log: silentLogger,
  }
  worker = await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 200, heartbeatMs: 500 })
}, 120_000)
afterAll(async () => {
  await worker?.stop()
  await workerSql?.end({ timeout: 5 })
  await app?.close()
  await env?.dispose()
})

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

describe('a database restart under a running API and worker', () => {
  it('answers 503 while the database is down, and recovers by itself when it is back', async () => {
    expect((await app.call('/api/v1/opportunities?limit=1')).status).toBe(200)
    expect((await app.call('/api/v1/health', { key: null })).body.data.status).toBe('ok')

    await env.server.stop()
    for (const path of ['/api/v1/opportunities?limit=1', '/api/v1/jobs', '/api/v1/health/details']) {
      const { result, ms } = await timed(() => app.call(path))
      expect(ms).toBeLessThan(15_000)
      expect(result.status).toBe(503)
      expect(result.body.error).toMatchObject({ code: 'source_unavailable' })
      const text = JSON.stringify(result.body)
      expect(text).not.toContain(String(env.server.port))
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost/)
    }
    const health = await app.call('/api/v1/health', { key: null })
    expect(health.status).toBe(503)
    expect(health.body.data).toEqual({
      status: 'down',
      database: { ok: false, latency_ms: null },
      worker: { ok: false },
    })

    // Long enough for the worker's heartbeats, polls and LISTEN connection to fail too.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    await env.server.start()
    await eventually(
      () => app.call('/api/v1/opportunities?limit=1'),
      (response) => response.status === 200,
    )
    // The worker took up its heartbeat and its queue again: a new job runs to the end.
    await eventually(
      () => app.call('/api/v1/health', { key: null }),
      (response) => response.body.data?.status === 'ok',
    )
    const { job } = await enqueueJob(env.owner, { tenantId: 'acme', kind: 'normalize', payload: {} })
    const done = await eventually(
      () => getJob(env.owner, 'acme', job.jobId),
      (current) => current.status === 'succeeded' || current.status === 'failed',
      60_000,
    )
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1 })
    // Its own bound: the job alone may take up to a minute on a loaded machine (4 s when idle).
  }, 120_000)
})
