// `npm run bench:ingest [-- --rows 1000000 --repeats 3]`: RAW ingestion throughput against the
// physical limit. A throwaway embedded PostgreSQL holds a generated CUR-like source table; in the same
// run we time a plain `COPY (SELECT ...) TO STDOUT` piped into `COPY ... FROM STDIN` of the same rows
// (the limit), a full sync into raw.source_rows, and an incremental sync after 1 % of the rows changed.
// Prints medians, the ratio to COPY, and peak memory (flat: rows stream through in fixed batches).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import {
  connect,
  ensureDatabase,
  migrate,
  readCopyStream,
  startEmbeddedPostgres,
  withDatabase,
} from '@revops/db'
import { registerTenant } from '@revops/engine/config'
import { syncSources } from '@revops/engine/ingest'
import { silentLogger } from '@revops/engine/shared'
import { makeTestTenant } from '@revops/engine/testing'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeats: { type: 'string', default: '3' },
    batch: { type: 'string', default: '20000' },
  },
})
const rows = Number(values.rows)
const repeats = Number(values.repeats)
const batchSize = Number(values.batch)

const root = await mkdtemp(path.join(tmpdir(), 'revops-bench-'))
await chmod(root, 0o755)
const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, profile: 'local' })
const sourceUrl = withDatabase(server.url, 'bench_source')
await ensureDatabase(server.url, 'bench_source')
const source = connect(sourceUrl, { max: 2 })

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000)

try {
  console.log(`generating ${rows.toLocaleString('en-US')} CUR rows ...`)
  await source`
    create table lead_cur (
      id bigint primary key, account_id integer, payer_id integer, company_id integer, service varchar,
      charge_type varchar, cost numeric(20, 10), company_currency_id integer, period varchar, period_date date,
      create_date timestamp, write_date timestamp
    )`
  await source`
    insert into lead_cur
    select g, 1000 + g % 2500, 10 + g % 40, 1, (array['Amazon Elastic Compute Cloud','AmazonS3','AmazonRDS','AWSLambda'])[1 + g % 4],
           (array['usage','discounted usage','RIFee','Credit','Tax'])[1 + g % 5], round((random() * 1000)::numeric, 10), 2,
           to_char(date '2025-01-01' + (g % 24) * interval '1 month', 'YYYY-MM'), date '2025-01-01' + (g % 24) * interval '1 month',
           timestamp '2025-01-01' + g * interval '1 second', timestamp '2025-01-01' + g * interval '1 second'
    from generate_series(1, ${rows}) g`
  await source`vacuum analyze lead_cur`

  const copyTimes: number[] = []
  const fullTimes: number[] = []
  let incremental = { ms: 0, changed: 0 }
  let resyncMs = 0
  for (let round = 1; round <= repeats; round++) {
    // The physical limit: the same rows out of the source and into a plain table, COPY to COPY.
    const target = `bench_copy_${round}`
    await ensureDatabase(server.url, target)
    const copySql = connect(withDatabase(server.url, target), { max: 1 })
    await copySql`
      create table plain (id bigint primary key, account_id integer, payer_id integer, company_id integer, service varchar,
        charge_type varchar, cost numeric(20, 10), company_currency_id integer, period varchar, period_date date,
        create_date timestamp, write_date timestamp)`
    const copyStart = performance.now()
    const out = await source`copy lead_cur to stdout`.readable()
    const into = await copySql`copy plain from stdin`.writable()
    await pipeline(Readable.from(readCopyStream(out)), into)
    copyTimes.push(performance.now() - copyStart)
    await copySql.end()

    // A full sync into a fresh product database.
    const productName = `bench_product_${round}`
    await ensureDatabase(server.url, productName)
    const productUrl = withDatabase(server.url, productName)
    const product = connect(productUrl, { max: 2 })
    await migrate(product)
    const tenant = makeTestTenant(sourceUrl, { batchSize, tables: ['lead_cur'] })
    await registerTenant(product, tenant.config)
    // Memory the sync holds (JS heap plus buffers), sampled through the run: the peak in the first
    // tenth of the rows against the peak overall shows whether it grows with the table.
    const fullStart = performance.now()
    await syncSources({ productUrl, tenant, mode: 'incremental', log: silentLogger })
    fullTimes.push(performance.now() - fullStart)

    if (round === repeats) {
      // 1 % of the rows change at the source; an incremental sync picks up just those.
      const changed = Math.max(1, Math.floor(rows / 100))
      await source`
        update lead_cur set cost = cost + 1, write_date = timestamp '2030-01-01' + id * interval '1 millisecond'
        where id % 100 = 0`
      const incrementalStart = performance.now()
      const report = await syncSources({ productUrl, tenant, mode: 'incremental', log: silentLogger })
      incremental = { ms: performance.now() - incrementalStart, changed: report.tables[0]!.updated }
      if (incremental.changed !== changed)
        console.warn(`expected ${changed} updated rows, saw ${incremental.changed}`)
      // A second full sync of unchanged data: every row compared by hash, deletions reconciled.
      const resyncStart = performance.now()
      await syncSources({ productUrl, tenant, mode: 'full', log: silentLogger })
      resyncMs = performance.now() - resyncStart
    }
    await product.end()
    console.log(
      `round ${round}: COPY ${copyTimes.at(-1)!.toFixed(0)} ms, full sync ${fullTimes.at(-1)!.toFixed(0)} ms`,
    )
  }

  // Memory, untimed: one more full sync into a fresh database, measuring live memory (garbage collected
  // first when node runs with --expose-gc, as the npm script does) after every committed batch.
  const memoryUrl = withDatabase(server.url, 'bench_product_memory')
  await ensureDatabase(server.url, 'bench_product_memory')
  const memorySql = connect(memoryUrl, { max: 1 })
  await migrate(memorySql)
  const memoryTenant = makeTestTenant(sourceUrl, { batchSize, tables: ['lead_cur'] })
  await registerTenant(memorySql, memoryTenant.config)
  await memorySql.end()
  const collect = (globalThis as { gc?: () => void }).gc
  const live: number[] = []
  await syncSources({
    productUrl: memoryUrl,
    tenant: memoryTenant,
    mode: 'incremental',
    log: silentLogger,
    onProgress: (p) => {
      if (p.done === 0) return
      collect?.()
      const m = process.memoryUsage()
      live.push(m.heapUsed + m.external + m.arrayBuffers)
    },
  })
  const tenth = Math.max(1, Math.floor(live.length / 10))

  const copyMs = median(copyTimes)
  const fullMs = median(fullTimes)
  console.log('')
  console.log(
    `rows: ${rows.toLocaleString('en-US')}, batch ${batchSize.toLocaleString('en-US')}, repeats ${repeats} (medians)`,
  )
  console.log(
    `plain COPY TO/FROM (limit):   ${perSecond(rows, copyMs).toLocaleString('en-US')} rows/s  (${(copyMs / 1000).toFixed(1)} s)`,
  )
  console.log(
    `full sync into RAW:           ${perSecond(rows, fullMs).toLocaleString('en-US')} rows/s  (${(fullMs / 1000).toFixed(1)} s)`,
  )
  console.log(`full sync / COPY:             ${((copyMs / fullMs) * 100).toFixed(0)} %`)
  console.log(
    `full re-sync, nothing changed: ${perSecond(rows, resyncMs).toLocaleString('en-US')} rows/s  (${(resyncMs / 1000).toFixed(1)} s)`,
  )
  console.log(
    `incremental sync (1 % changed): ${incremental.changed.toLocaleString('en-US')} rows in ${(incremental.ms / 1000).toFixed(2)} s = ${perSecond(incremental.changed, incremental.ms).toLocaleString('en-US')} rows/s`,
  )
  console.log(
    `live memory after each batch: ${mb(Math.max(...live.slice(0, tenth)))} max over the first 10 % of batches, ` +
      `${mb(Math.max(...live.slice(-tenth)))} max over the last 10 %, of ${live.length} batches${collect ? '' : ' (run with --expose-gc for exact figures)'}`,
  )
} finally {
  await source.end()
  await server.stop()
  await rm(root, { recursive: true, force: true })
}
