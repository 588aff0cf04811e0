// Runs a k6 script with virtual users in worker threads (what k6 does, for the part of its API the
// project's scripts use: k6/http, check, sleep, group, setup, options, thresholds), so the scripts users
// run with k6 are the ones measured here. Requests go to loopback only, bounded in count and time.
import { Agent, request as httpRequest } from 'node:http'
import path from 'node:path'
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import type { VuMessage, WireRequest, WireResponse } from './protocol.ts'

export interface K6RunOptions {
  script: string
  /** Virtual users and how long they run; default: the script's options (first scenario). */
  vus?: number
  durationSeconds?: number
  /** Iterations per virtual user (stops earlier than the duration when reached). */
  iterations?: number
  env?: Record<string, string>
  /** The most requests the run makes; then it stops. */
  maxRequests?: number
  /** Hosts requests may go to (loopback only unless told). */
  allowHosts?: string[]
}

export interface LatencySummary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  avg: number
  failed: number
}

export interface K6Summary {
  script: string
  vus: number
  durationSeconds: number
  requests: number
  /** Share of requests that failed (network error or status outside 200–399, as k6 counts). */
  failedRate: number
  requestsPerSecond: number
  iterations: number
  checks: { passes: number; fails: number }
  latency: LatencySummary
  /** The server's own time on the requests whose responses say it (`Server-Timing: app;dur=`), or
   *  null: what of http_req_duration the server spent, the rest being the network's and the runner's. */
  server: LatencySummary | null
  byName: Record<string, LatencySummary>
  thresholds: { metric: string; expression: string; value: number; ok: boolean }[]
  errors: string[]
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]']
const WORKER = new URL('./vu-worker.ts', import.meta.url)

interface ScriptOptions {
  vus?: number
  duration?: string
  iterations?: number
  scenarios?: Record<string, { vus?: number; duration?: string; iterations?: number }>
  thresholds?: Record<string, string[]>
}

export function parseDuration(text: string | undefined): number | undefined {
  if (!text) return undefined
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim())
  if (!match) throw new Error(`cannot read the duration "${text}"`)
  const value = Number(match[1])
  return { ms: value / 1000, s: value, m: value * 60, h: value * 3600 }[match[2] as 'ms' | 's' | 'm' | 'h']
}

function summarize(times: number[], failed: number): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
  const round = (value: number) => Math.round(value * 100) / 100
  return {
    count: times.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    avg: round(times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length)),
    failed,
  }
}

/** The `app` entry's duration of a Server-Timing header (`app;dur=12.5`, possibly among others). */
export function serverDuration(header: string | undefined): number | undefined {
  const match = header && /(?:^|,)\s*app\s*;(?:[^,]*;)?\s*dur=(\d+(?:\.\d+)?)/.exec(header)
  return match ? Number(match[1]) : undefined
}

/** k6 threshold expressions over the summary: p(N), avg, med, max on durations; rate on failures/checks. */
export function evaluateThreshold(metric: string, expression: string, summary: K6Summary) {
  const [, base, tagName] = /^([a-z_]+)(?:\{name:(.+)\})?$/.exec(metric) ?? []
  const match =
    /^\s*(p\((\d+(?:\.\d+)?)\)|avg|med|max|rate|count)\s*(<=|<|>=|>|==)\s*(\d+(?:\.\d+)?)\s*$/.exec(
      expression,
    )
  if (!base || !match) throw new Error(`cannot read the threshold ${metric}: ${expression}`)
  const latency = tagName ? summary.byName[tagName] : summary.latency
  let value: number
  if (base === 'http_req_duration') {
    if (!latency) return { metric, expression, value: Number.NaN, ok: false }
    const p = match[2] ? Number(match[2]) : undefined
    value =
      p === 95
        ? latency.p95
        : p === 50
          ? latency.p50
          : p === 99
            ? latency.p99
            : match[1] === 'avg'
              ? latency.avg
              : match[1] === 'med'
                ? latency.p50
                : latency.max
    if (p !== undefined && ![50, 95, 99].includes(p))
      throw new Error(`p(${p}) is not reported; use p(50), p(95) or p(99)`)
  } else if (base === 'http_req_failed') {
    value = latency ? latency.failed / Math.max(1, latency.count) : summary.failedRate
  } else if (base === 'checks') {
    value = summary.checks.passes / Math.max(1, summary.checks.passes + summary.checks.fails)
  } else if (base === 'http_reqs' || base === 'iterations') {
    value = base === 'http_reqs' ? summary.requests : summary.iterations
  } else throw new Error(`the threshold metric ${metric} is not reported by the local runner`)
  const limit = Number(match[4])
  const ok = {
    '<': value < limit,
    '<=': value <= limit,
    '>': value > limit,
    '>=': value >= limit,
    '==': value === limit,
  }[match[3] as '<']
  return { metric, expression, value, ok }
}

// node:http over a keep-alive agent, not fetch: the runner shares the machine with what it measures, and
// fetch's streams cost several times the CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: 1024 })

function fetchOne(request: WireRequest, retried = false): Promise<WireResponse> {
  const started = performance.now()
  const failed = (error: unknown): WireResponse => ({
    status: 0,
    body: '',
    headers: {},
    durationMs: performance.now() - started,
    error: String(error),
    url: request.url,
  })
  return new Promise((resolve) => {
    const outgoing = httpRequest(
      request.url,
      { method: request.method, headers: request.headers, agent, timeout: request.timeoutMs },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', (error) => resolve(failed(error)))
        incoming.on('end', () => {
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
          }
          resolve({
            status: incoming.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers,
            durationMs: performance.now() - started,
            error: '',
            url: request.url,
          })
        })
      },
    )
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`request timed out after ${request.timeoutMs} ms`)),
    )
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as it was reused: the request never reached the
      // server, so it is sent once more on a fresh socket (as k6 and browsers do), not counted as failed.
      if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') {
        resolve(fetchOne(request, true))
        return
      }
      resolve(failed(error))
    })
    outgoing.end(request.body ?? undefined)
  })
}

function startVu(
  mode: 'setup' | 'run',
  input: { script: string; vu: number; env: Record<string, string>; data: unknown; maxIterations: number },
  onMessage: (message: VuMessage, answer: (responses: WireResponse[]) => void) => void,
) {
  const shared = new SharedArrayBuffer(12)
  const flags = new Int32Array(shared)
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(WORKER, {
    workerData: { ...input, shared, port: port2, mode },
    transferList: [port2],
  })
  const answer = (responses: WireResponse[]) => {
    port1.postMessage(responses)
    Atomics.store(flags, 0, 1)
    Atomics.notify(flags, 0)
  }
  let markReady = () => {}
  const ready = new Promise<void>((resolve) => {
    markReady = resolve
  })
  const receive = (message: VuMessage) =>
    message.type === 'ready' ? markReady() : onMessage(message, answer)
  port1.on('message', receive)
  const exited = new Promise<void>((resolve, reject) => {
    worker.on('error', reject)
    worker.on('exit', () => {
      // The thread's last reports (its final iteration, say) may still be queued on the port when it
      // exits: take them before closing it, or the summary undercounts.
      for (let left = receiveMessageOnPort(port1); left; left = receiveMessageOnPort(port1))
        receive(left.message as VuMessage)
      port1.close()
      resolve()
    })
  })
  const go = () => {
    Atomics.store(flags, 2, 1)
    Atomics.notify(flags, 2)
  }
  return {
    worker,
    /** Resolves once the script is loaded (or the thread ended). */
    ready: Promise.race([ready, exited.catch(() => {})]),
    go,
    stop: () => {
      Atomics.store(flags, 1, 1)
      go()
    },
    exited,
  }
}

export async function runK6Script(options: K6RunOptions): Promise<K6Summary> {
  const script = path.resolve(options.script)
  const env = options.env ?? {}
  const allowed = new Set(options.allowHosts ?? LOOPBACK)
  const maxRequests = options.maxRequests ?? 200_000
  const times: number[] = []
  const serverTimes: number[] = []
  const byName = new Map<string, { times: number[]; failed: number }>()
  const errors = new Set<string>()
  const checks = { passes: 0, fails: 0 }
  let requests = 0
  let failed = 0
  let iterations = 0
  let budgetSpent = () => {}

  const handle = (message: VuMessage, answer: (responses: WireResponse[]) => void) => {
    if (message.type === 'check') message.passed ? checks.passes++ : checks.fails++
    else if (message.type === 'iteration') iterations++
    else if (message.type === 'error') errors.add(message.message)
    else if (message.type === 'request') {
      const refused = message.requests.find((r) => !allowed.has(new URL(r.url).host.replace(/:\d+$/, '')))
      if (refused) {
        errors.add(
          `refused a request to ${new URL(refused.url).host}: the local runner sends to loopback only`,
        )
        answer(
          message.requests.map((r) => ({
            status: 0,
            body: '',
            headers: {},
            durationMs: 0,
            error: 'host not allowed',
            url: r.url,
          })),
        )
        return
      }
      requests += message.requests.length
      if (requests >= maxRequests) budgetSpent()
      void Promise.all(message.requests.map((request) => fetchOne(request))).then((responses) => {
        for (const [i, response] of responses.entries()) {
          const expected = message.requests[i]!.expected
          const bad = expected
            ? !expected.some((range) => response.status >= range.min && response.status <= range.max)
            : response.status < 200 || response.status >= 400
          if (bad) failed++
          if (response.error) errors.add(response.error)
          else if (bad) errors.add(`${message.requests[i]!.name}: status ${response.status}`)
          times.push(response.durationMs)
          const server = serverDuration(response.headers['server-timing'])
          if (server !== undefined) serverTimes.push(server)
          const name = message.requests[i]!.name
          const entry = byName.get(name) ?? { times: [], failed: 0 }
          entry.times.push(response.durationMs)
          if (bad) entry.failed++
          byName.set(name, entry)
        }
        answer(responses)
      })
    }
  }

  // setup() once, in a virtual user of its own; it also hands back the script's options.
  let setupResult: { data: unknown; options: ScriptOptions } | undefined
  const setupVu = startVu('setup', { script, vu: 0, env, data: undefined, maxIterations: 0 }, handle)
  setupVu.worker.on('message', (message: { type: string; data: unknown; options: ScriptOptions }) => {
    if (message.type === 'setup') setupResult = { data: message.data, options: message.options }
  })
  await setupVu.exited
  if (!setupResult) throw new Error(`setup of ${script} did not finish`)
  const scenario = Object.values(setupResult.options.scenarios ?? {})[0] ?? {}
  const vus = options.vus ?? scenario.vus ?? setupResult.options.vus ?? 1
  const durationSeconds =
    options.durationSeconds ?? parseDuration(scenario.duration ?? setupResult.options.duration) ?? 10
  const maxIterations =
    options.iterations ?? scenario.iterations ?? setupResult.options.iterations ?? Number.MAX_SAFE_INTEGER
  // Measure the scenario only, not setup's requests.
  times.length = 0
  serverTimes.length = 0
  byName.clear()
  requests = 0
  failed = 0

  const users = Array.from({ length: vus }, (_, i) =>
    startVu('run', { script, vu: i + 1, env, data: setupResult!.data, maxIterations }, handle),
  )
  const stopAll = () => {
    for (const user of users) user.stop()
  }
  budgetSpent = stopAll
  // The clock starts when every virtual user is initialised, as in k6.
  await Promise.all(users.map((user) => user.ready))
  const started = performance.now()
  for (const user of users) user.go()
  const timer = setTimeout(stopAll, durationSeconds * 1000)
  await Promise.all(users.map((user) => user.exited))
  clearTimeout(timer)
  const elapsed = (performance.now() - started) / 1000

  const summary: K6Summary = {
    script: path.basename(script),
    vus,
    durationSeconds: Math.round(elapsed * 10) / 10,
    requests: times.length,
    failedRate: failed / Math.max(1, times.length),
    requestsPerSecond: Math.round((times.length / elapsed) * 10) / 10,
    iterations,
    checks,
    latency: summarize(times, failed),
    server: serverTimes.length > 0 ? summarize(serverTimes, 0) : null,
    byName: Object.fromEntries(
      [...byName].map(([name, entry]) => [name, summarize(entry.times, entry.failed)]),
    ),
    thresholds: [],
    errors: [...errors].slice(0, 5),
  }
  for (const [metric, expressions] of Object.entries(setupResult.options.thresholds ?? {}))
    for (const expression of expressions)
      summary.thresholds.push(evaluateThreshold(metric, expression, summary))
  return summary
}
