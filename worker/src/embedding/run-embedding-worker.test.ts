import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect, runtimeRoleUrl, type Sql, WORKER_ROLE } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { queueEmbedding } from '@revops/engine/embed'
import { getJob, type JobRecord } from '@revops/engine/ops'
import { silentLogger } from '@revops/engine/shared'
import { buildTinyBgeM3 } from '@revops/engine/testing'
import { minimalTenant } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runEmbeddingWorker } from './run-embedding-worker.ts'

const db = useTestDatabase()
let modelRoot: string

async function waitForJob(jobId: string, done: (job: JobRecord) => boolean): Promise<JobRecord> {
  for (let i = 0; i < 600; i++) {
    const job = await getJob(db.sql, 'acme', jobId)
    if (done(job)) return job
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`job ${jobId} did not finish`)
}
const finished = (job: JobRecord) => job.status === 'succeeded' || job.status === 'failed'
// The embedding worker logs in as the worker's runtime role, as deployed.
let workerSql: Sql
const start = (modelDir?: string) =>
  runEmbeddingWorker({
    sql: workerSql,
    databaseUrl: runtimeRoleUrl(db.url, WORKER_ROLE),
    loadTenant: async (tenantId) => minimalTenant(tenantId),
    modelDir,
    log: silentLogger,
    pollIntervalMs: 100,
  })

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  await db.sql`
    insert into core.ace_opportunities (tenant_id, ace_id, customer_name, title, description, aws_account_id_status, raw_pk)
    select 'acme', 'O' || lpad(g::text, 5, '0'), 'Company ' || g, 'Deal ' || g, repeat('cloud data lake ', 20), 'missing', g::text
    from generate_series(1, 1500) g`
  modelRoot = await mkdtemp(path.join(tmpdir(), 'embedding-worker-'))
  workerSql = connect(runtimeRoleUrl(db.url, WORKER_ROLE), { max: 2 })
})
afterAll(async () => {
  await workerSql.end()
  await rm(modelRoot, { recursive: true, force: true })
})

describe('runEmbeddingWorker', () => {
  it('stops after the batch in flight; the job waits for the next worker, which finishes it', async () => {
    const worker = await start()
    expect(worker.embedder).toMatchObject({ model: 'lexical-hash-v1', semantic: false })
    const { job } = await queueEmbedding(db.sql, 'acme')
    for (let i = 0; i < 400; i++) {
      const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from search.embeddings`
      if (row!.n > 0) break
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await worker.stop()
    const stopped = await getJob(db.sql, 'acme', job.jobId)
    expect(stopped).toMatchObject({ status: 'queued', lastError: 'stopped by worker shutdown; will resume' })
    const [partial] = await db.sql<{ n: number }[]>`select count(*)::int as n from search.embeddings`
    expect(partial!.n).toBeGreaterThan(0)
    expect(partial!.n).toBeLessThan(3000)
    expect(partial!.n % 256).toBe(0)
    const [beat] = await db.sql`select kind, stopped_at from ops.worker_heartbeats`
    expect(beat).toMatchObject({ kind: 'embeddings', stopped_at: expect.any(Date) })

    // Released, not left locked: the next worker may take it after graphile-worker's retry delay.
    const [queued] = await db.sql`select locked_by from graphile_worker._private_jobs`
    expect(queued!.locked_by).toBeNull()
    const next = await start()
    try {
      const done = await waitForJob(job.jobId, finished)
      expect(done.status).toBe('succeeded')
      expect(done.result).toMatchObject({ model: 'lexical-hash-v1', semantic: false, interrupted: false })
      const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from search.embeddings`
      expect(all!.n).toBe(3000)
    } finally {
      await next.stop()
    }
  }, 60_000)

  it('runs the ONNX model found in MODEL_DIR, loaded once for every job', async () => {
    const model = await buildTinyBgeM3({ dir: path.join(modelRoot, 'bge-m3'), signature: 'bge-m3' })
    const worker = await start(model.dir)
    try {
      expect(worker.embedder).toMatchObject({ semantic: true, dimensions: 8, batchSize: 32 })
      const first = await queueEmbedding(db.sql, 'acme')
      const done = await waitForJob(first.job.jobId, finished)
      expect(done.result).toMatchObject({ model: worker.embedder.model, semantic: true, embedded: 3000 })
      await db.sql`update core.ace_opportunities set title = 'Renamed deal' where ace_id = 'O00001'`
      const second = await queueEmbedding(db.sql, 'acme')
      expect(await waitForJob(second.job.jobId, finished)).toMatchObject({
        status: 'succeeded',
        result: { embedded: 1 },
      })
    } finally {
      await worker.stop()
    }
  }, 60_000)
})
