// The whole stack in containers, as a user runs it (docker-compose.yml, the project's Dockerfile):
// PostgreSQL 17 with pgvector, migrations, the API + UI, scaled job workers and the embedding worker on
// CPU. Each step checks what a user relies on and injects the faults a deployment meets: a worker killed
// mid-pipeline, the database restarted, the stack taken down and up again. `npm run test:stack`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildTinyBgeM3 } from '@revops/engine/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveBaseImages } from './base-images.ts'
import { createStack, eventually, type Stack } from './compose.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ARTIFACTS = path.join(ROOT, '.artifacts', 'stack')
const log = (line: string) => process.stderr.write(`[stack] ${line}\n`)

let stack: Stack
let base: string
let key: string
let models: string

const api = async (route: string, init: RequestInit & { key?: string | null } = {}) => {
  const headers = new Headers(init.headers)
  const useKey = init.key === undefined ? key : init.key
  if (useKey) headers.set('authorization', `Bearer ${useKey}`)
  const response = await fetch(`${base}${route}`, { ...init, headers, signal: AbortSignal.timeout(20_000) })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: response.status, body, headers: response.headers }
}
const revops = (...args: string[]) =>
  stack.exec('api', ['node', 'cli/src/main.ts', ...args], { timeoutMs: 300_000 })
const one = async (statement: string) => (await stack.psql(statement))[0] ?? ''

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitForJob(jobId: string, timeoutMs = 180_000) {
  return eventually(
    `job ${jobId} finished`,
    async () =>
      JSON.parse(
        (await revops('jobs', 'wait', jobId, '--timeout', '5').catch((e) => `${e}`)).split('\n')[0] || '{}',
      ),
    (job: { status?: string }) => job.status === 'succeeded' || job.status === 'failed',
    timeoutMs,
    1000,
  )
}

beforeAll(async () => {
  try {
    await createStack({ project: 'probe', root: ROOT, env: {} }).docker([
      'info',
      '--format',
      '{{.ServerVersion}}',
    ])
  } catch (error) {
    throw new Error(
      `THE CONTAINER STACK TEST CANNOT RUN: no Docker engine answers here (${String(error).slice(0, 300)}). ` +
        'Install docker.io and start dockerd (and Compose v2), or run it where they are.',
    )
  }
  const images = await resolveBaseImages(ROOT, log)
  models = await mkdtemp(path.join(tmpdir(), 'revops-stack-models-'))
  // A model with the real BGE-M3 interface and 1,024-d outputs, so its vectors fit the HNSW index.
  await buildTinyBgeM3({ dir: path.join(models, 'tiny-bge-m3'), signature: 'bge-m3', hiddenSize: 1024 })
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const extraCa = process.env.EXTRA_CA_CERTS ?? process.env.NODE_EXTRA_CA_CERTS
  stack = createStack({
    project: 'revops-stack-test',
    root: ROOT,
    env: {
      ...images,
      API_PORT: String(port),
      MODELS_DIR: models,
      EMBED_MODEL: 'tiny-bge-m3',
      ...(extraCa ? { EXTRA_CA_CERTS: extraCa } : {}),
    },
  })
  log(`base images ${images.NODE_IMAGE}, ${images.PGVECTOR_IMAGE}; API on ${base}`)
  await stack.compose(['down', '-v', '--remove-orphans'], { timeoutMs: 120_000 })
  const started = Date.now()
  await stack.compose(['build', 'api'], { timeoutMs: 30 * 60_000 })
  log(`image built in ${Math.round((Date.now() - started) / 1000)} s`)
  await stack.compose(['up', '-d', '--wait', 'db', 'migrate', 'api', 'worker'], { timeoutMs: 10 * 60_000 })
}, 45 * 60_000)

afterAll(async () => {
  if (!stack) return
  await mkdir(ARTIFACTS, { recursive: true })
  await writeFile(
    path.join(ARTIFACTS, 'compose.log'),
    await stack.compose(['logs', '--no-color']).catch(String),
  )
  if (process.env.STACK_KEEP !== '1')
    await stack.compose(['down', '-v', '--remove-orphans'], { timeoutMs: 180_000 })
  if (models) await rm(models, { recursive: true, force: true })
}, 300_000)

describe('the stack in containers', () => {
  it('serves health, the contract and the UI', async () => {
    const health = await eventually(
      'health ok',
      () => api('/api/v1/health', { key: null }),
      (r) => r.body?.data?.status === 'ok',
      120_000,
    )
    expect(health.body.data).toMatchObject({ database: { ok: true }, worker: { ok: true } })
    expect((await api('/api/openapi.json', { key: null })).body.openapi).toBe('3.1.0')
    const page = await api('/', { key: null })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const asset = String(page.body).match(/\/(?:_build|assets)\/[^"']+\.js/)?.[0]
    expect(asset, 'the UI page links its script').toBeTruthy()
    expect((await api(asset!, { key: null })).status).toBe(200)
  })

  it('creates an API key in the API container, which the API then accepts', async () => {
    key = (await revops('keys', 'create', '--name', 'stack-test')).trim()
    expect(key).toMatch(/^rk_/)
    expect((await api('/api/v1/opportunities?limit=1')).status).toBe(200)
    expect((await api('/api/v1/opportunities?limit=1', { key: null })).status).toBe(401)
  })

  it('runs the first pipeline on a worker and decides every demo ACE opportunity', async () => {
    const jobs = await eventually(
      'the first pipeline run finished',
      () => api('/api/v1/jobs?limit=20'),
      (r) => r.body?.data?.some((j: any) => j.kind === 'pipeline' && j.status === 'succeeded'),
      300_000,
      2000,
    )
    const pipeline = jobs.body.data.find((j: any) => j.kind === 'pipeline')
    const dashboard = (await api('/api/v1/dashboard')).body.data
    expect(dashboard.opportunities.ace).toBe(500)
    expect(dashboard.decisions.total).toBe(dashboard.opportunities.ace)
    // Matching asked PostgreSQL (pgvector), not a graph in the worker.
    const job = (await api(`/api/v1/jobs/${pipeline.id}`)).body.data
    const match = job.result.stages.find((s: any) => s.stage === 'match')
    expect(match.report).toMatchObject({ vector_index: 'pgvector' })
    expect(await one("select extversion from pg_extension where extname = 'vector'")).toMatch(/^0\.8\./)
    expect(
      Number(await one('select count(*) from search.embeddings where dimensions = 1024')),
    ).toBeGreaterThan(1000)
  })

  it('answers the matching nearest-neighbour query from the HNSW index at scale', async () => {
    // The demo's partitions (600 vectors) are rightly answered exactly; at 10,000 the planner takes the
    // HNSW index for the very query matching sends (pgvector-index.ts).
    await stack.psql(`
      insert into ops.tenants values ('stack-hnsw', 'HNSW at scale') on conflict do nothing;
      insert into search.embeddings (tenant_id, entity_kind, entity_id, text_kind, model, dimensions, text_hash, embedding)
      select 'stack-hnsw', 'odoo_opportunity', 'E' || g, 'identity', 'scale', 1024, 'h',
        (select array_agg(random()::real) from generate_series(1, 1024) where g > 0)
      from generate_series(1, 10000) g;
      analyze search.embeddings`)
    const before = Number(
      await one("select idx_scan from pg_stat_user_indexes where indexrelname = 'embeddings_hnsw_idx'"),
    )
    const probe = `(select embedding::vector(1024) from search.embeddings where tenant_id = 'stack-hnsw' limit 1)`
    const query = `select entity_id from search.embeddings
      where tenant_id = 'stack-hnsw' and entity_kind = 'odoo_opportunity' and text_kind = 'identity'
        and model = 'scale' and dimensions = 1024
      order by embedding::vector(1024) <=> ${probe} limit 10`
    const plan = (await stack.psql(`explain ${query}`)).join('\n')
    expect(plan).toContain('embeddings_hnsw_idx')
    expect(await stack.psql(query)).toHaveLength(10)
    const after = await eventually(
      'the index scan counted',
      async () =>
        Number(
          await one("select idx_scan from pg_stat_user_indexes where indexrelname = 'embeddings_hnsw_idx'"),
        ),
      (n) => n > before,
      10_000,
    )
    expect(after).toBeGreaterThan(before)
    await stack.psql("delete from search.embeddings where tenant_id = 'stack-hnsw'")
  })

  it('runs every job exactly once on three workers', async () => {
    await stack.compose(['up', '-d', '--wait', '--scale', 'worker=3', 'worker'], { timeoutMs: 300_000 })
    expect(await stack.containers('worker')).toHaveLength(3)
    const ids: string[] = []
    for (let i = 0; i < 9; i++)
      ids.push((await revops('jobs', 'queue', 'decide', '--new', '--payload', '{}')).trim())
    const finished = await Promise.all(ids.map((id) => waitForJob(id)))
    expect(finished.map((j: any) => j.status)).toEqual(Array(9).fill('succeeded'))
    expect(finished.map((j: any) => j.attempts)).toEqual(Array(9).fill(1))
    // Each evaluation appends one audit event in its own transaction: one per job, none twice.
    const evaluated = await stack.psql(`
      select details->>'job_id' from ops.audit_events
      where action = 'decisions.evaluated' and details->>'job_id' in (${ids.map((id) => `'${id}'`).join(',')})`)
    expect(evaluated.sort()).toEqual([...ids].sort())
    const hosts = await stack.psql(
      `select distinct split_part(worker_id, '-', 2) from ops.jobs where job_id in (${ids.map((id) => `'${id}'`).join(',')})`,
    )
    expect(hosts.length).toBeGreaterThanOrEqual(2)
  })

  it('finishes a pipeline on another worker when the one running it is killed, without duplicates', async () => {
    const id = (await revops('jobs', 'queue', 'pipeline', '--new')).trim()
    const [workerId] = await eventually(
      'the pipeline running on a worker',
      () =>
        stack.psql(
          `select worker_id from ops.jobs where job_id = '${id}' and status = 'running' and worker_id is not null`,
        ),
      (rows) => rows.length === 1,
      60_000,
      100,
    )
    const host = workerId!.split('-')[1]!
    log(`killing the worker container ${host} running pipeline ${id}`)
    await stack.docker(['kill', '--signal', 'KILL', host])
    const job = await waitForJob(id, 240_000)
    expect(job).toMatchObject({ status: 'succeeded' })
    expect((job as any).attempts).toBeGreaterThanOrEqual(2)
    expect(await one(`select split_part(worker_id, '-', 2) from ops.jobs where job_id = '${id}'`)).not.toBe(
      host,
    )
    // The second attempt evaluated once (the first died before its decide step committed, or it would
    // show here twice); nothing is left running or locked.
    expect(
      await one(
        `select count(*) from ops.audit_events where action = 'decisions.evaluated' and details->>'job_id' = '${id}'`,
      ),
    ).toBe('1')
    // Work the pipeline or the scheduler queued meanwhile may still be running; nothing stays so.
    await eventually(
      'no job left queued, running or locked',
      () =>
        stack.psql(`
          select kind || ' ' || status from ops.jobs where status in ('queued', 'running')
          union all select 'locked ' || task_identifier from graphile_worker.jobs where locked_at is not null`),
      (rows) => rows.length === 0,
      60_000,
    )
    await stack.compose(['up', '-d', '--wait', '--scale', 'worker=3', 'worker'], { timeoutMs: 300_000 })
  })

  it('answers 503 while the database restarts, and recovers without restarting anything', async () => {
    await stack.compose(['stop', 'db'], { timeoutMs: 120_000 })
    const started = Date.now()
    const down = await api('/api/v1/opportunities?limit=1')
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(down.status).toBe(503)
    expect(down.body.error).toMatchObject({ code: 'source_unavailable' })
    expect(JSON.stringify(down.body)).not.toMatch(/db:5432|revops:revops|ECONNREFUSED/)
    await stack.compose(['start', 'db'], { timeoutMs: 120_000 })
    await eventually(
      'the API answers again',
      () => api('/api/v1/opportunities?limit=1'),
      (r) => r.status === 200,
      120_000,
    )
    await eventually(
      'the workers are back',
      () => api('/api/v1/health', { key: null }),
      (r) => r.body?.data?.status === 'ok',
      120_000,
    )
    const id = (await revops('jobs', 'queue', 'decide', '--new')).trim()
    expect(await waitForJob(id)).toMatchObject({ status: 'succeeded' })
  })

  it('runs the embedding worker container on CPU with an ONNX model (same image and entrypoint)', async () => {
    await stack.compose(['--profile', 'embed', 'up', '-d', 'embed-worker'], { timeoutMs: 300_000 })
    const id = (await revops('jobs', 'queue', 'embed')).trim()
    expect(await waitForJob(id, 300_000)).toMatchObject({ status: 'succeeded' })
    const [row] = await stack.psql(
      "select count(*) || '|' || min(dimensions) from search.embeddings where tenant_id = 'demo' and model like 'tiny-bge-m3-onnx-%'",
    )
    const [count, dimensions] = row!.split('|')
    expect(Number(count)).toBeGreaterThan(1000)
    expect(dimensions).toBe('1024')
    await stack.compose(['--profile', 'embed', 'stop', 'embed-worker'], { timeoutMs: 120_000 })
  })

  it('keeps its data through down and up, and migrates again without change', async () => {
    const decisions = await one('select count(*) from ops.decisions')
    await stack.compose(['down'], { timeoutMs: 180_000 })
    await stack.compose(['up', '-d', '--wait', 'db', 'migrate', 'api', 'worker'], { timeoutMs: 10 * 60_000 })
    expect(await stack.compose(['logs', '--no-color', 'migrate'])).toMatch(/database schema is current/)
    expect(
      await one("select status from ops.jobs where kind = 'pipeline' order by created_at desc limit 1"),
    ).toBeTruthy()
    expect(Number(await one('select count(*) from ops.decisions'))).toBeGreaterThanOrEqual(Number(decisions))
    await eventually(
      'health ok after up',
      () => api('/api/v1/health', { key: null }),
      (r) => r.body?.data?.status === 'ok',
      120_000,
    )
    expect((await api('/api/v1/opportunities?limit=1')).status).toBe(200)
  })
})
