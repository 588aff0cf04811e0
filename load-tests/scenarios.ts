// Scenarios shared by the autocannon runner and the benchmarks; they mirror load-tests/k6/*.js.
import autocannon from 'autocannon'

export interface ScenarioOptions {
  url: string
  scenario: 'match-one' | 'read-api'
  seconds: number
  connections?: number | undefined
  apiKey?: string | undefined
}

export interface ScenarioResult {
  scenario: string
  requests: number
  errors: number
  non2xx: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  requestsPerSecond: number
}

async function aceIds(url: string, headers: Record<string, string>): Promise<string[]> {
  const response = await fetch(`${url}/api/v1/opportunities?source=ace&limit=200`, { headers })
  const body = (await response.json()) as { data: { items: { source_id: string }[] } }
  return body.data.items.map((item) => item.source_id)
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
  }
  const ids = await aceIds(options.url, headers)
  if (ids.length === 0) throw new Error('no ACE opportunities to work on: run the pipeline first')
  let next = 0
  const pick = () => ids[next++ % ids.length]!
  const requests =
    options.scenario === 'match-one'
      ? [
          {
            method: 'POST' as const,
            path: '/api/v1/matching/generate',
            setupRequest: (r: object) => ({ ...r, body: JSON.stringify({ ace_id: pick() }) }),
          },
        ]
      : [
          { method: 'GET' as const, path: '/api/v1/opportunities?source=ace&sort=close_date&limit=50' },
          {
            method: 'GET' as const,
            path: '/api/v1/matches',
            setupRequest: (r: object) => ({ ...r, path: `/api/v1/matches?ace_id=${pick()}` }),
          },
          { method: 'GET' as const, path: '/api/v1/health' },
        ]
  // Every response time is kept, so the percentiles are exact (autocannon's summary has no p95).
  const times: number[] = []
  const instance = autocannon({
    url: options.url,
    connections: options.connections ?? (options.scenario === 'match-one' ? 1 : 10),
    duration: options.seconds,
    headers,
    requests,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  )
  const result = await instance
  return {
    scenario: options.scenario,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    latencyMs: {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: Math.max(...times),
    },
    requestsPerSecond: Math.round((times.length / options.seconds) * 10) / 10,
  }
}

/** Nearest-rank percentile, rounded to 0.01 ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
  return Math.round(value * 100) / 100
}
