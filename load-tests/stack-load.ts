// `npm run load:stack [-- --users 10,50,100 --seconds 15 --think 1 --warmup 10 --repeat 1 --target container --journeys read-api,review-loop,cost-explorer,match-one]`
// The k6 journeys (load-tests/k6/*.js, run by the local k6 runner) against the containerised stack
// (docker-compose.yml, brought up here as project revops-load; requests go to the api container's own
// address unless --target port), at each number of users, first with the workers idle and then while
// pipelines run one after another (queued through the database as the scheduler queues them), `--repeat`
// times in turn. Prints p50/p95 and the error rate of each run, and whether the goals hold (on the median
// p95 of the repeats): reads p95 ≤ 200 ms at 50 users with no errors, and no worse than 2× while a
// pipeline runs. Our own containers only; every run is bounded in time and requests.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { connect, type Sql } from '@revops/db'
import { enqueueJob, waitForJob } from '@revops/engine/ops'
import { resolveBaseImages } from '../docker/stack/base-images.ts'
import { createStack, eventually, type Stack } from '../docker/stack/compose.ts'
import { median } from '../lab/bench/percentile.ts'
import { type K6Summary, runK6Script } from './k6-local/runner.ts'

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '10,50,100' },
    seconds: { type: 'string', default: '15' },
    journeys: { type: 'string', default: 'read-api,review-loop,cost-explorer,match-one' },
    'max-requests': { type: 'string', default: '60000' },
    port: { type: 'string', default: '3290' },
    keep: { type: 'boolean', default: false },
    // `container`: the API container's address on the compose network (our own container), past
    // docker's userland port proxy, which otherwise spends a large share of these two cores copying
    // bytes; `port`: through the published port on 127.0.0.1, as a browser on this machine would.
    target: { type: 'string', default: 'container' },
    // Seconds each user pauses between iterations (k6 scripts' THINK); 0 sends back to back (capacity).
    think: { type: 'string', default: '1' },
    // Seconds of every journey at 10 users before measuring, unreported: the first requests after the
    // stack comes up (cold caches, the first pipeline's autovacuum) otherwise land in whichever run is first.
    warmup: { type: 'string', default: '10' },
    // Idle and pipeline runs of each journey and number of users, in turn; the goals are judged on the
    // median p95 of the repeats (one 15 s run's p95 moves by tens of percent on a shared machine).
    repeat: { type: 'string', default: '1' },
  },
})
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const users = values.users.split(',').map(Number)
const seconds = Number(values.seconds)
const journeys = values.journeys.split(',')
const published = `http://127.0.0.1:${values.port}`
if (!['container', 'port'].includes(values.target)) throw new Error('--target is container or port')
const READS = new Set(['read-api', 'review-loop', 'cost-explorer'])

async function bringUp(): Promise<{ stack: Stack; key: string }> {
  const images = await resolveBaseImages(ROOT, (line) => console.log(line))
  const extraCa = process.env.EXTRA_CA_CERTS ?? process.env.NODE_EXTRA_CA_CERTS
  const stack = createStack({
    project: 'revops-load',
    root: ROOT,
    env: { ...images, API_PORT: values.port, ...(extraCa ? { EXTRA_CA_CERTS: extraCa } : {}) },
  })
  await stack.compose(['build', 'api'], { timeoutMs: 30 * 60_000 })
  await stack.compose(['up', '-d', '--wait', '--scale', 'worker=2', 'db', 'migrate', 'api', 'worker'], {
    timeoutMs: 10 * 60_000,
  })
  const key = (
    await stack.exec('api', ['node', 'cli/src/main.ts', 'keys', 'create', '--name', 'load-test'])
  ).trim()
  await eventually(
    'the first pipeline run',
    async () => {
      const response = await fetch(`${published}/api/v1/dashboard`, {
        headers: { authorization: `Bearer ${key}` },
      })
      return (await response.json()) as { data?: { decisions?: { total?: number } } }
    },
    (body) => (body.data?.decisions?.total ?? 0) > 0,
    300_000,
    2000,
  )
  return { stack, key }
}

/**
 * Pipelines one after another until `until` resolves; says how many ran. Queued and followed through
 * the database, as the worker's scheduler queues them: a CLI process per run (`docker exec … jobs queue`,
 * `jobs wait`) would start Node in the API container twice a run and be measured as the pipeline's cost.
 */
async function keepPipelinesRunning(sql: Sql, until: Promise<unknown>): Promise<number> {
  let done = false
  void until.finally(() => {
    done = true
  })
  let runs = 0
  while (!done) {
    const { job } = await enqueueJob(sql, {
      tenantId: 'demo',
      kind: 'pipeline',
      payload: {},
      reuseActive: false,
    })
    const state = await waitForJob(sql, 'demo', job.jobId, { timeoutMs: 600_000, intervalMs: 200 })
    if (state.status === 'failed') throw new Error(`pipeline ${job.jobId} failed: ${state.lastError}`)
    if (state.status !== 'succeeded')
      throw new Error(`pipeline ${job.jobId} still ${state.status} after 600 s`)
    runs++
  }
  return runs
}

const { stack, key } = await bringUp()
/** Where the journeys send their requests, and the hosts the runner may reach. */
async function target(): Promise<{ base: string; allowHosts?: string[] }> {
  if (values.target === 'port') return { base: published }
  const address = await stack.address('api')
  return { base: `http://${address}:3000`, allowHosts: [address] }
}
const { base, allowHosts } = await target()
// The owner's login of docker-compose.yml's database, on the project's own network.
const owner = connect(`postgres://revops:revops@${await stack.address('db')}:5432/revops`, {
  max: 2,
  applicationName: 'revops-load',
})
console.log(
  `journeys against ${base} (${values.target === 'port' ? 'the published port' : 'the api container'})`,
)
if (Number(values.warmup) > 0) {
  for (const journey of journeys) {
    await runK6Script({
      script: `${ROOT}load-tests/k6/${journey}.js`,
      vus: 10,
      durationSeconds: Number(values.warmup),
      maxRequests: Number(values['max-requests']),
      env: { BASE_URL: base, API_KEY: key, THINK: values.think },
      ...(allowHosts ? { allowHosts } : {}),
    })
  }
}
const rows: string[] = []
const results: { journey: string; users: number; pipeline: boolean; summary: K6Summary }[] = []
const repeat = Number(values.repeat)
try {
  for (const journey of journeys) {
    for (const count of users) {
      for (let round = 0; round < repeat; round++) {
        for (const pipeline of [false, true]) {
          const run = runK6Script({
            script: `${ROOT}load-tests/k6/${journey}.js`,
            vus: count,
            durationSeconds: seconds,
            maxRequests: Number(values['max-requests']),
            env: { BASE_URL: base, API_KEY: key, THINK: values.think },
            ...(allowHosts ? { allowHosts } : {}),
          })
          const pipelines = pipeline ? keepPipelinesRunning(owner, run) : Promise.resolve(0)
          const summary = await run
          const ran = await pipelines
          results.push({ journey, users: count, pipeline, summary })
          const l = summary.latency
          const row = `| ${journey} | ${count} | ${pipeline ? `yes (${ran})` : 'no'} | ${summary.requests} | ${summary.requestsPerSecond} | ${l.p50} | ${l.p95} | ${summary.server?.p95 ?? '–'} | ${(summary.failedRate * 100).toFixed(2)} % |`
          rows.push(row)
          console.log(row)
          if (summary.failedRate > 0) console.log(`  failed: ${summary.errors.join('; ')}`)
        }
      }
    }
  }
} finally {
  await owner.end({ timeout: 5 })
  if (!values.keep) await stack.compose(['down', '-v', '--remove-orphans'], { timeoutMs: 300_000 })
}

console.log(
  `\nk6 journeys against the containerised stack, ${seconds} s per run, ${values.think} s think time (pipeline: runs completed meanwhile):`,
)
// server p95: the API's own time on the request (its Server-Timing header), without the network's and
// the load generator's, which share these cores too.
console.log('| journey | users | pipeline | requests | req/s | p50 ms | p95 ms | server p95 ms | failed |')
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) console.log(row)
for (const journey of journeys.filter((name) => READS.has(name) && users.includes(50))) {
  const runsOf = (pipeline: boolean) =>
    results.filter((r) => r.journey === journey && r.users === 50 && r.pipeline === pipeline)
  const idle = median(runsOf(false).map((r) => r.summary.latency.p95))
  const busy = median(runsOf(true).map((r) => r.summary.latency.p95))
  const server = (pipeline: boolean) =>
    median(runsOf(pipeline).map((r) => r.summary.server?.p95 ?? Number.NaN))
  const failed = [...runsOf(false), ...runsOf(true)].some((r) => r.summary.failedRate > 0)
  const of = repeat > 1 ? ` (median of ${repeat} runs)` : ''
  console.log(
    `${journey} at 50 users: p95 ${idle} ms${of} (goal ≤ 200), ${failed ? 'some' : 'no'} requests failed (goal none): ${idle <= 200 && !failed ? 'met' : 'NOT met'}`,
  )
  console.log(
    `${journey} at 50 users while pipelines run: p95 ${busy} ms${of} = ${(busy / idle).toFixed(2)}× idle (goal ≤ 2×): ${busy <= 2 * idle ? 'met' : 'NOT met'}; the server's own p95 ${server(false)} → ${server(true)} ms`,
  )
}
