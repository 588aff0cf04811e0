// node load-tests/k6-local/run.ts load-tests/k6/review-loop.js [--vus 50] [--duration 30s]
//   [--iterations n] [--max-requests n] [-e BASE_URL=http://127.0.0.1:3000 -e API_KEY=rk_…] [--json]
// Runs a k6 script the way `k6 run` does (the part of k6 the project's scripts use) and prints its
// latencies, failures, checks and thresholds; exits 1 when a threshold fails.
import { parseArgs } from 'node:util'
import { parseDuration, runK6Script } from './runner.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    vus: { type: 'string' },
    duration: { type: 'string' },
    iterations: { type: 'string' },
    'max-requests': { type: 'string' },
    env: { type: 'string', short: 'e', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
  },
})
const script = positionals[0]
if (!script) {
  console.error(
    'usage: node load-tests/k6-local/run.ts <script.js> [--vus n] [--duration 30s] [-e KEY=value]',
  )
  process.exit(2)
}
const env = Object.fromEntries(
  values.env.map((pair) => {
    const at = pair.indexOf('=')
    return at < 0 ? [pair, process.env[pair] ?? ''] : [pair.slice(0, at), pair.slice(at + 1)]
  }),
)
const summary = await runK6Script({
  script,
  vus: values.vus ? Number(values.vus) : undefined,
  durationSeconds: parseDuration(values.duration),
  iterations: values.iterations ? Number(values.iterations) : undefined,
  maxRequests: values['max-requests'] ? Number(values['max-requests']) : undefined,
  env,
})
if (values.json) console.log(JSON.stringify(summary, null, 2))
else {
  const l = summary.latency
  console.log(
    `${summary.script}: ${summary.vus} VUs, ${summary.durationSeconds} s, ${summary.requests} requests (${summary.requestsPerSecond}/s), ` +
      `${(summary.failedRate * 100).toFixed(2)} % failed, checks ${summary.checks.passes}/${summary.checks.passes + summary.checks.fails}`,
  )
  console.log(`http_req_duration: p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`)
  for (const [name, s] of Object.entries(summary.byName))
    console.log(`  ${name}: ${s.count} requests, p50 ${s.p50} ms, p95 ${s.p95} ms, ${s.failed} failed`)
  for (const t of summary.thresholds)
    console.log(`${t.ok ? '✓' : '✗'} ${t.metric}: ${t.expression} (${t.value})`)
  for (const error of summary.errors) console.log(`error: ${error}`)
}
if (summary.thresholds.some((t) => !t.ok)) process.exitCode = 1
