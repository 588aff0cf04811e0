// `npm run bench:pgvector [-- --vectors 100000 --queries 500 --match]`
// Vector search on a real PostgreSQL 17 + pgvector 0.8 (a container of PGVECTOR_IMAGE, or --database-url),
// side by side with the in-process HNSW index on the same vectors in the same run: top-50 latency
// (p50/p95) through the product's own pgvector query (engine/src/embed/pgvector-index.ts) at several
// hnsw.ef_search values, and recall@50 against exact search. With --match, the full 10k x 50k match on
// that server twice: nearest-neighbour blocking through pgvector and through the in-process graph.
import { execFile } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { connect, ensureDatabase, migrate, type Sql, withDatabase } from '@revops/db'
import { loadTenant, registerTenant } from '@revops/engine/config'
import {
  createLexicalEmbedder,
  createPgvectorIndex,
  embedPending,
  pgvectorVersion,
} from '@revops/engine/embed'
import { syncSources } from '@revops/engine/ingest'
import { loadMatchingConfig, matchTenant } from '@revops/engine/match'
import { normalizeTenant } from '@revops/engine/normalize'
import { seededRandom, silentLogger } from '@revops/engine/shared'
import hnswlib from 'hnswlib-node'
import { resolveBaseImages } from '../../docker/stack/base-images.ts'
import { TENANTS_DIR } from '../src/testing/demo-fixture.ts'
import { percentile } from './percentile.ts'
import { seedScaleWorld } from './scale-world.ts'

const run = promisify(execFile)
const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '500' },
    'recall-queries': { type: 'string', default: '200' },
    'database-url': { type: 'string' },
    match: { type: 'boolean', default: false },
    ace: { type: 'string', default: '10000' },
    odoo: { type: 'string', default: '50000' },
  },
})
const COUNT = Number(values.vectors)
const QUERIES = Number(values.queries)
const RECALL_QUERIES = Math.min(QUERIES, Number(values['recall-queries']))
const DIMENSIONS = 1024
const K = 50
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const lines: string[] = []
const report = (line: string) => {
  lines.push(line)
  console.log(line)
}
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1)

// The vectors of bench:match's in-process figure: 200 clustered centres, seeded.
const random = seededRandom(5)
const centres = Array.from({ length: 200 }, () =>
  Float32Array.from({ length: DIMENSIONS }, () => random() - 0.5),
)
const makeVector = (i: number) => {
  const centre = centres[i % centres.length]!
  return Float32Array.from(centre, (value) => value + (random() - 0.5) * 0.6)
}

async function startContainer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { PGVECTOR_IMAGE } = await resolveBaseImages(ROOT, (line) => console.log(line))
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
  const name = `revops-bench-pgvector-${process.pid}`
  await run('docker', [
    'run',
    '-d',
    '--rm',
    '--name',
    name,
    '--shm-size=3g',
    '-p',
    `127.0.0.1:${port}:5432`,
    '-e',
    'POSTGRES_USER=revops',
    '-e',
    'POSTGRES_PASSWORD=bench',
    '-e',
    'POSTGRES_DB=revops',
    PGVECTOR_IMAGE,
    'postgres',
    '-c',
    'shared_buffers=1GB',
    '-c',
    'maintenance_work_mem=2GB',
    '-c',
    'max_parallel_maintenance_workers=2',
    '-c',
    'max_connections=200',
  ])
  const stop = async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined)
  }
  const url = `postgres://revops:bench@127.0.0.1:${port}/revops`
  for (let attempt = 0; attempt < 120; attempt++) {
    const probe = connect(url, { max: 1, connectTimeout: 2 })
    try {
      await probe`select 1`
      await probe.end()
      console.log(`PostgreSQL + pgvector in container ${name} (${PGVECTOR_IMAGE})`)
      return { url, stop }
    } catch {
      await probe.end({ timeout: 1 })
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  await stop()
  throw new Error('the pgvector container did not accept connections within 2 minutes')
}

/** Exact top-k by cosine over the vectors in memory (the truth recall is measured against). */
function exactTopK(
  vectors: Float32Array[],
  norms: Float64Array,
  query: Float32Array,
  k: number,
): Set<number> {
  let queryNorm = 0
  for (let j = 0; j < DIMENSIONS; j++) queryNorm += query[j]! * query[j]!
  queryNorm = Math.sqrt(queryNorm)
  const scores = new Float64Array(vectors.length)
  for (let i = 0; i < vectors.length; i++) {
    const vector = vectors[i]!
    let dot = 0
    for (let j = 0; j < DIMENSIONS; j++) dot += vector[j]! * query[j]!
    scores[i] = dot / (norms[i]! * queryNorm)
  }
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!)
  return new Set(order.slice(0, k))
}

function recallAt(found: number[][], truth: Set<number>[]): number {
  let hits = 0
  for (const [q, ids] of found.entries()) for (const id of ids) if (truth[q]!.has(id)) hits++
  return hits / (truth.length * K)
}

async function vectorSearch(sql: Sql): Promise<void> {
  const vectors = Array.from({ length: COUNT }, (_, i) => makeVector(i))
  const queries = Array.from({ length: QUERIES }, (_, q) => makeVector(q * 7))
  await sql`insert into ops.tenants values ('bench', 'Bench') on conflict do nothing`
  await sql`delete from search.embeddings where tenant_id = 'bench'`
  // Bulk load without the index, then build it once (what an operator does for a first large load).
  await sql`drop index if exists search.embeddings_hnsw_idx`
  let started = performance.now()
  for (let start = 0; start < COUNT; start += 2000) {
    const slice = vectors.slice(start, start + 2000)
    await sql`
      insert into search.embeddings (tenant_id, entity_kind, entity_id, text_kind, model, dimensions, text_hash, embedding)
      select 'bench', 'odoo_opportunity', 'E' || (${start}::int + n - 1), 'identity', 'bench', 1024, 'h', v::real[]
      from unnest(${slice.map((v) => `{${Array.prototype.join.call(v, ',')}}`)}::text[]) with ordinality as t(v, n)`
  }
  report(
    `load ${COUNT.toLocaleString('en-US')} x ${DIMENSIONS}-d vectors into search.embeddings: ${seconds(started)} s`,
  )
  started = performance.now()
  await sql.unsafe(`
    create index embeddings_hnsw_idx on search.embeddings
    using hnsw ((embedding::vector(1024)) vector_cosine_ops) where dimensions = 1024`)
  await sql`analyze search.embeddings`
  report(`pgvector HNSW build (m 16, ef_construction 64, the migration's index): ${seconds(started)} s`)

  const norms = Float64Array.from(vectors, (v) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0)))
  started = performance.now()
  const truth = queries.slice(0, RECALL_QUERIES).map((query) => exactTopK(vectors, norms, query, K))
  console.log(`exact top-${K} of ${RECALL_QUERIES} queries computed in ${seconds(started)} s`)

  const version = (await pgvectorVersion(sql))!
  const scansBefore = (
    await sql<{ scans: string }[]>`
    select idx_scan::text as scans from pg_stat_user_indexes where indexrelname = 'embeddings_hnsw_idx'`
  )[0]!.scans
  const rows: string[][] = []
  for (const efSearch of [100, 200, 400]) {
    const index = createPgvectorIndex(sql, { extensionVersion: version, efSearch })
    const query = (vector: Float32Array) =>
      index.nearest({
        tenantId: 'bench',
        entityKind: 'odoo_opportunity',
        textKind: 'identity',
        model: 'bench',
        vector,
        k: K,
      })
    for (const vector of queries.slice(0, 20)) await query(vector) // warm the cache
    const times: number[] = []
    const found: number[][] = []
    for (const [q, vector] of queries.entries()) {
      const begin = performance.now()
      const neighbours = await query(vector)
      times.push(performance.now() - begin)
      if (q < RECALL_QUERIES) found.push(neighbours.map((n) => Number(n.entityId.slice(1))))
    }
    rows.push([
      `pgvector ${version}, ef_search ${efSearch}`,
      percentile(times, 50).toFixed(2),
      percentile(times, 95).toFixed(2),
      recallAt(found, truth).toFixed(4),
    ])
  }
  await new Promise((resolve) => setTimeout(resolve, 1500)) // statistics reach the view within a second
  const scansAfter = (
    await sql<{ scans: string }[]>`
    select idx_scan::text as scans from pg_stat_user_indexes where indexrelname = 'embeddings_hnsw_idx'`
  )[0]!.scans

  // The in-process index on the same vectors, in the same run.
  const memory = new hnswlib.HierarchicalNSW('cosine', DIMENSIONS)
  memory.initIndex({ maxElements: COUNT, m: 16, efConstruction: 64, randomSeed: 3 })
  started = performance.now()
  for (const [i, vector] of vectors.entries()) memory.addPoint(Array.from(vector), i)
  report(`in-process HNSW build (hnswlib, m 16, ef_construction 64): ${seconds(started)} s`)
  for (const ef of [100, 200]) {
    memory.setEf(ef)
    const times: number[] = []
    const found: number[][] = []
    for (const [q, vector] of queries.entries()) {
      const point = Array.from(vector)
      const begin = performance.now()
      const result = memory.searchKnn(point, K)
      times.push(performance.now() - begin)
      if (q < RECALL_QUERIES) found.push(result.neighbors)
    }
    rows.push([
      `in process (hnswlib), ef ${ef}`,
      percentile(times, 50).toFixed(2),
      percentile(times, 95).toFixed(2),
      recallAt(found, truth).toFixed(4),
    ])
  }
  report(
    `\ntop-${K} over ${COUNT.toLocaleString('en-US')} x ${DIMENSIONS}-d, ${QUERIES} queries (recall@${K} on ${RECALL_QUERIES} against exact search):`,
  )
  report(`| index | p50 ms | p95 ms | recall@${K} |`)
  report('| --- | ---: | ---: | ---: |')
  for (const row of rows) report(`| ${row.join(' | ')} |`)
  report(`(pgvector queries answered by the HNSW index: idx_scan ${scansBefore} → ${scansAfter})`)
  await sql`delete from search.embeddings where tenant_id = 'bench'`
}

async function fullMatch(serverUrl: string, sql: Sql): Promise<void> {
  const aceCount = Number(values.ace)
  const odooCount = Number(values.odoo)
  let started = performance.now()
  await seedScaleWorld(serverUrl, { ace: aceCount, odoo: odooCount }, { replace: true })
  report(
    `\nseed ${aceCount.toLocaleString('en-US')} ACE / ${odooCount.toLocaleString('en-US')} Odoo opportunities: ${seconds(started)} s`,
  )
  const productUrl = withDatabase(serverUrl, 'revops')
  const tenant = await loadTenant('demo', { tenantsDir: TENANTS_DIR, env: {}, productServerUrl: serverUrl })
  await registerTenant(sql, tenant.config)
  started = performance.now()
  await syncSources({ productUrl, tenant, mode: 'incremental', log: silentLogger })
  await normalizeTenant({ sql, tenant, log: silentLogger })
  await embedPending({ sql, tenantId: 'demo', embedder: createLexicalEmbedder(), log: silentLogger })
  await sql`analyze search.embeddings`
  report(`sync, normalize, embed (lexical): ${seconds(started)} s`)
  const config = await loadMatchingConfig(tenant)
  const version = (await pgvectorVersion(sql))!
  const results: Record<string, Awaited<ReturnType<typeof matchTenant>>> = {}
  for (const [label, vectorIndex] of [
    ['in process (hnswlib)', undefined],
    [`pgvector ${version}`, createPgvectorIndex(sql, { extensionVersion: version })],
  ] as const) {
    started = performance.now()
    const result = await matchTenant({
      sql,
      tenantId: 'demo',
      config,
      mode: 'full',
      log: silentLogger,
      vectorIndex,
    })
    results[label] = result
    report(
      `full match ${aceCount.toLocaleString('en-US')} x ${odooCount.toLocaleString('en-US')}, nearest neighbours ${label}: ${seconds(started)} s (identity_nearest blocking ${result.timings['blocking:identity_nearest'] ?? '?'} ms, ${result.perRule.identity_nearest?.toLocaleString('en-US')} pairs; ${result.candidatePairs.toLocaleString('en-US')} candidates; ${result.selected.toLocaleString('en-US')} links)`,
    )
  }
}

const container = values['database-url'] ? null : await startContainer()
const serverUrl = values['database-url'] ?? container!.url
try {
  await ensureDatabase(serverUrl, 'revops')
  const sql = connect(withDatabase(serverUrl, 'revops'), { max: 8 })
  try {
    await migrate(sql)
    await vectorSearch(sql)
    if (values.match) await fullMatch(serverUrl, sql)
  } finally {
    await sql.end()
  }
  console.log(`\n${lines.join('\n')}`)
} finally {
  await container?.stop()
}
