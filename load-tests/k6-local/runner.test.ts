import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateThreshold, parseDuration, runK6Script, serverDuration } from './runner.ts'

let server: Server
let base: string
const seen: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      seen.push(`${request.method} ${request.url}`)
      if (request.url === '/setup') return response.end(JSON.stringify({ token: 'secret-42' }))
      if (request.url === '/conflict') {
        response.statusCode = 409
        return response.end('{}')
      }
      response.setHeader('content-type', 'application/json')
      response.setHeader('server-timing', 'db;dur=1.25, app;dur=2.5')
      response.end(JSON.stringify({ headers: request.headers, body }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const script = (name: string) => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url))

describe('the local k6 runner', () => {
  it('starts the clock once every virtual user is initialised, as k6 does', async () => {
    seen.length = 0
    const summary = await runK6Script({ script: script('slow-init.js'), env: { BASE_URL: base } })
    // Six threads each spend 0.5 s loading on a small machine; none of it is in the run or its latencies.
    expect(summary.durationSeconds).toBeLessThan(1.5)
    expect(summary.requests).toBeGreaterThan(6)
    expect(summary.latency.p95).toBeLessThan(250)
    expect(seen.filter((line) => line === 'GET /slow-init').length).toBe(summary.requests)
  })

  it('runs a k6 script: setup data, virtual users, batch, checks, expected statuses, thresholds', async () => {
    seen.length = 0
    const summary = await runK6Script({ script: script('probe.js'), env: { BASE_URL: base } })
    expect(seen.filter((line) => line === 'GET /setup')).toHaveLength(1)
    expect(summary.vus).toBe(3)
    expect(summary.durationSeconds).toBeGreaterThanOrEqual(1)
    expect(summary.durationSeconds).toBeLessThan(5)
    expect(summary.iterations).toBeGreaterThanOrEqual(3)
    // Three requests an iteration, none failed (a 409 was expected), every check passed.
    expect(summary.requests).toBe(summary.iterations * 3)
    expect(summary.failedRate).toBe(0)
    expect(summary.checks).toEqual({ passes: summary.iterations * 3, fails: 0 })
    // The server's own time, from the two echoes' Server-Timing (the 409 says none).
    expect(summary.server).toMatchObject({ count: summary.iterations * 2, p50: 2.5, p95: 2.5 })
    expect(Object.keys(summary.byName).sort()).toEqual([`POST ${base}/echo`, 'conflict', 'echo'].sort())
    expect(
      new Set(
        seen
          .filter((line) => line.startsWith('GET /echo'))
          .map((line) => line.split('vu=')[1]!.split('&')[0]),
      ),
    ).toEqual(new Set(['1', '2', '3']))
    expect(summary.thresholds.map((t) => t.ok)).toEqual([true, true, true])
  })

  it('stops at the request budget and honours command-line users and iterations', async () => {
    const summary = await runK6Script({
      script: script('probe.js'),
      env: { BASE_URL: base },
      vus: 1,
      iterations: 2,
      // A generous duration: the iterations end the run, however busy the machine is.
      durationSeconds: 60,
    })
    expect(summary).toMatchObject({ vus: 1, iterations: 2, requests: 6 })
    const bounded = await runK6Script({
      script: script('probe.js'),
      env: { BASE_URL: base },
      vus: 2,
      maxRequests: 9,
    })
    expect(bounded.requests).toBeLessThanOrEqual(9 + 2 * 3)
  })

  it('counts an unexpected status as failed and says which request got which status', async () => {
    const summary = await runK6Script({ script: script('unexpected.js'), env: { BASE_URL: base } })
    expect(summary).toMatchObject({ requests: 2, failedRate: 1 })
    expect(summary.errors).toEqual(['conflict: status 409'])
  })

  it('sends nothing beyond this machine', async () => {
    const summary = await runK6Script({ script: script('elsewhere.js'), env: {} })
    expect(summary.requests).toBe(0)
    expect(summary.errors.join()).toMatch(/loopback only/)
  })

  it('reads k6 durations and threshold expressions', () => {
    expect([parseDuration('30s'), parseDuration('2m'), parseDuration('500ms')]).toEqual([30, 120, 0.5])
    const summary = {
      latency: { count: 10, p50: 20, p95: 150, p99: 190, max: 200, avg: 40, failed: 1 },
      byName: { verdict: { count: 4, p50: 30, p95: 250, p99: 260, max: 260, avg: 60, failed: 0 } },
      failedRate: 0.1,
      checks: { passes: 99, fails: 1 },
      requests: 10,
      iterations: 5,
    } as never
    expect(evaluateThreshold('http_req_duration', 'p(95)<200', summary)).toMatchObject({
      value: 150,
      ok: true,
    })
    expect(evaluateThreshold('http_req_duration{name:verdict}', 'p(95)<200', summary)).toMatchObject({
      value: 250,
      ok: false,
    })
    expect(evaluateThreshold('http_req_failed', 'rate<0.01', summary)).toMatchObject({
      value: 0.1,
      ok: false,
    })
    expect(evaluateThreshold('checks', 'rate>0.98', summary)).toMatchObject({ value: 0.99, ok: true })
    expect(() => evaluateThreshold('vus_max', 'value>1', summary)).toThrow()
  })

  it("reads the server's own time from Server-Timing's app entry", () => {
    expect(serverDuration('app;dur=12.34')).toBe(12.34)
    expect(serverDuration('db;dur=3, app;desc="api";dur=7')).toBe(7)
    expect(serverDuration('cache;dur=3')).toBeUndefined()
    expect(serverDuration('webapp;dur=3')).toBeUndefined()
    expect(serverDuration(undefined)).toBeUndefined()
  })
})
