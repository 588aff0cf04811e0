// `npm run bench:match [-- --ace 10000 --odoo 50000 --vectors 100000 --seconds 20]`
// On a throwaway embedded PostgreSQL: seed demo sources at scale, run sync, normalize, embed (the
// lexical fallback) and a full match, timing each; then single-opportunity match latency through the
// API (load-tests/k6/match-one.js through the local k6 runner); then vector top-50 search latency over an
// in-process HNSW index of random clustered 1024-d vectors. Prints the figures.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { getRequestListener } from '@hono/node-server'
import {
  API_ROLE,
  connect,
  ensureDatabase,
  ensureRuntimeLogins,
  migrate,
  runtimeRoleUrl,
  startEmbeddedPostgres,
  withDatabase,
} from '@revops/db'
import { loadTenant, registerTenant } from '@revops/engine/config'
import { createLexicalEmbedder, embedPending } from '@revops/engine/embed'
import { syncSources } from '@revops/engine/ingest'
import { loadMatchingConfig, matchTenant } from '@revops/engine/match'
import { normalizeTenant } from '@revops/engine/normalize'
import { seededRandom, silentLogger } from '@revops/engine/shared'
import { createApiDatabase, createApiKey } from '@revops/engine/tenancy'
import { createApp, createMatchingSessions } from '@revops/functions'
import hnswlib from 'hnswlib-node'
import { runK6Script } from '../../load-tests/k6-local/runner.ts'
import { TENANTS_DIR } from '../src/testing/demo-fixture.ts'
import { percentile } from './percentile.ts'
import { seedScaleWorld } from './scale-world.ts'

const { values } = parseArgs({
  options: {
    ace: { type: 'string', default: '10000' },
    odoo: { type: 'string', default: '50000' },
    vectors: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
  },
})
const aceCount = Number(values.ace)
const odooCount = Number(values.odoo)
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1)
const lines: string[] = []
const report = (line: string) => {
  lines.push(line)
  console.log(line)
}

const root = await mkdtemp(path.join(tmpdir(), 'revops-bench-match-'))
await chmod(root, 0o755)
const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, profile: 'local' })
try {
  let started = performance.now()
  await seedScaleWorld(server.url, { ace: aceCount, odoo: odooCount })
  report(
    `seed ${aceCount.toLocaleString('en-US')} ACE / ${odooCount.toLocaleString('en-US')} Odoo opportunities: ${seconds(started)} s`,
  )
  await ensureDatabase(server.url, 'revops')
  const productUrl = withDatabase(server.url, 'revops')
  const sql = connect(productUrl, { max: 10 })
  await migrate(sql)
  const tenant = await loadTenant('demo', { tenantsDir: TENANTS_DIR, env: {}, productServerUrl: server.url })
  await registerTenant(sql, tenant.config)

  started = performance.now()
  await syncSources({ productUrl, tenant, mode: 'incremental', log: silentLogger })
  report(`sync: ${seconds(started)} s`)
  started = performance.now()
  await normalizeTenant({ sql, tenant, log: silentLogger })
  report(`normalize: ${seconds(started)} s`)
  started = performance.now()
  const embedded = await embedPending({
    sql,
    tenantId: 'demo',
    embedder: createLexicalEmbedder(),
    log: silentLogger,
  })
  const embedSeconds = (performance.now() - started) / 1000
  report(
    `embed (lexical fallback, stored): ${embedded.embedded.toLocaleString('en-US')} texts in ${embedSeconds.toFixed(1)} s = ${Math.round(embedded.embedded / embedSeconds).toLocaleString('en-US')} texts/s`,
  )

  const embedder = createLexicalEmbedder()
  const texts = Array.from(
    { length: 20_000 },
    (_, i) =>
      `Represent this company description and context for retrieval: Opportunity ${i} data platform modernization and migration to AWS for customer number ${i % 997}`,
  )
  started = performance.now()
  for (let i = 0; i < texts.length; i += 256) await embedder.embed(texts.slice(i, i + 256))
  report(
    `lexical fallback embedder alone: ${Math.round(texts.length / ((performance.now() - started) / 1000)).toLocaleString('en-US')} texts/s`,
  )

  const config = await loadMatchingConfig(tenant)
  started = performance.now()
  const full = await matchTenant({ sql, tenantId: 'demo', config, mode: 'full', log: silentLogger })
  report(
    `match ${full.leftRecords.toLocaleString('en-US')} x ${odooCount.toLocaleString('en-US')} (full: blocking, EM, scoring, storing): ${seconds(started)} s, ${full.candidatePairs.toLocaleString('en-US')} candidate pairs (proposed per rule, before merging: ${JSON.stringify(full.perRule)}); ms per phase ${JSON.stringify(full.timings)}`,
  )
  await sql`update core.ace_opportunities set normalized_at = now() where ace_id in (select ace_id from core.ace_opportunities order by ace_id limit ${Math.ceil(aceCount / 100)})`
  started = performance.now()
  const incremental = await matchTenant({ sql, tenantId: 'demo', config, log: silentLogger })
  report(
    `match incremental (1 % of ACE changed, ${incremental.rescored} re-scored): ${seconds(started)} s; ms per phase ${JSON.stringify(incremental.timings)}`,
  )

  // Single-opportunity latency through the API, the load-tests match-one scenario.
  // The API as deployed: logged in as its runtime role, the key's tenant resolved by the database.
  await ensureRuntimeLogins(sql, productUrl)
  const database = createApiDatabase(runtimeRoleUrl(productUrl, API_ROLE))
  const { key } = await createApiKey(sql, 'demo', 'bench')
  const app = createApp({
    sql: database.sql,
    sqlForKey: (apiKey) => database.forKey(apiKey),
    log: silentLogger,
    version: 'bench',
    loadTenant: async () => tenant,
    matchingSessions: createMatchingSessions(),
  })
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
  const http = createServer(getRequestListener(app.fetch))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const port = (http.address() as { port: number }).port
  const warm = await fetch(`http://127.0.0.1:${port}/api/v1/opportunities?source=ace&limit=1`, {
    headers: auth,
  }).then((r) => r.json() as Promise<{ data: { items: { source_id: string }[] } }>)
  await fetch(`http://127.0.0.1:${port}/api/v1/matching/generate`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ ace_id: warm.data.items[0]!.source_id }),
  })
  // The k6 script users run (load-tests/k6/match-one.js), one user, through the local k6 runner.
  const latency = await runK6Script({
    script: fileURLToPath(new URL('../../load-tests/k6/match-one.js', import.meta.url)),
    vus: 1,
    durationSeconds: Number(values.seconds),
    env: { BASE_URL: `http://127.0.0.1:${port}`, API_KEY: key },
  })
  report(
    `single-opportunity match via the API (k6 match-one.js): p50 ${latency.latency.p50} ms, p95 ${latency.latency.p95} ms, p99 ${latency.latency.p99} ms over ${latency.requests} requests (${(latency.failedRate * 100).toFixed(2)} % failed)`,
  )
  await new Promise<void>((resolve) => http.close(() => resolve()))
  await database.close()
  await sql.end()

  // Vector top-50 over an in-process HNSW index (the path used when PostgreSQL has no pgvector).
  const count = Number(values.vectors)
  const dimensions = 1024
  const random = seededRandom(5)
  const centres = Array.from({ length: 200 }, () =>
    Float32Array.from({ length: dimensions }, () => random() - 0.5),
  )
  const vector = (i: number) => {
    const centre = centres[i % centres.length]!
    return Array.from(centre, (value) => value + (random() - 0.5) * 0.6)
  }
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions)
  index.initIndex({ maxElements: count, m: 16, efConstruction: 64, randomSeed: 3 })
  started = performance.now()
  for (let i = 0; i < count; i++) index.addPoint(vector(i), i)
  const buildSeconds = seconds(started)
  index.setEf(100)
  const times: number[] = []
  for (let q = 0; q < 500; q++) {
    const query = vector(q * 7)
    const begin = performance.now()
    index.searchKnn(query, 50)
    times.push(performance.now() - begin)
  }
  report(
    `vector top-50 over ${count.toLocaleString('en-US')} x ${dimensions}-d (in-process HNSW, built in ${buildSeconds} s): p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  )
  console.log(`\n${lines.join('\n')}`)
} finally {
  await server.stop()
  await rm(root, { recursive: true, force: true })
}
