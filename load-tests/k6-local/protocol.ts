// What a virtual user's thread and the runner's network loop say to each other. A VU's k6 calls are
// synchronous (as in k6): it posts a request, blocks on a shared flag, and takes the answer off its port
// once the runner has made the request and raised the flag.

export interface WireRequest {
  method: string
  url: string
  body: string | null
  headers: Record<string, string>
  /** k6's `name` tag, else the URL without its query: what latencies are grouped by. */
  name: string
  timeoutMs: number
  /** Statuses that count as success (k6's responseCallback / expectedStatuses); default 200–399. */
  expected?: { min: number; max: number }[]
}

export interface WireResponse {
  status: number
  body: string
  headers: Record<string, string>
  durationMs: number
  error: string
  url: string
}

export type VuMessage =
  | { type: 'ready' }
  | { type: 'request'; requests: WireRequest[] }
  | { type: 'check'; name: string; passed: boolean }
  | { type: 'iteration' }
  | { type: 'error'; message: string }

export interface VuSetup {
  script: string
  vu: number
  env: Record<string, string>
  data: unknown
  /** Int32 [answer-ready flag, stop flag, go flag]. */
  shared: SharedArrayBuffer
  maxIterations: number
}
