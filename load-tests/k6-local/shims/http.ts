// The `k6/http` module for scripts run by the local runner: request, get, post, put, patch, del, batch;
// responses with status, body, headers, json(), timings.duration and error, as k6 gives them.
import type { WireRequest, WireResponse } from '../protocol.ts'
import { vuChannel } from '../vu-channel.ts'

type Expected = { min: number; max: number }[]

interface Params {
  headers?: Record<string, string>
  tags?: Record<string, string>
  timeout?: string | number
  responseCallback?: { expected: Expected }
}

/** The statuses a request may answer with and still count as a success (k6's expectedStatuses). */
export function expectedStatuses(...statuses: (number | { min: number; max: number })[]): {
  expected: Expected
} {
  return {
    expected: statuses.map((status) => (typeof status === 'number' ? { min: status, max: status } : status)),
  }
}

let defaultCallback: { expected: Expected } | undefined

export function setResponseCallback(callback: { expected: Expected } | undefined): void {
  defaultCallback = callback
}

class Response {
  readonly status: number
  readonly body: string
  readonly headers: Record<string, string>
  readonly timings: { duration: number }
  readonly error: string
  readonly url: string
  constructor(wire: WireResponse) {
    this.status = wire.status
    this.body = wire.body
    this.headers = wire.headers
    this.timings = { duration: wire.durationMs }
    this.error = wire.error
    this.url = wire.url
  }
  json(selector?: string): unknown {
    const value = JSON.parse(this.body) as unknown
    if (!selector) return value
    return selector
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value)
  }
}

function toWire(method: string, url: string, body: unknown, params: Params = {}): WireRequest {
  const timeout = params.timeout
  const timeoutMs =
    typeof timeout === 'number'
      ? timeout
      : typeof timeout === 'string'
        ? Number.parseFloat(timeout) * 1000
        : 60_000
  return {
    method: method.toUpperCase(),
    url,
    body: body === null || body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    headers: params.headers ?? {},
    name: params.tags?.name ?? `${method.toUpperCase()} ${url.split('?')[0]}`,
    timeoutMs,
    expected: (params.responseCallback ?? defaultCallback)?.expected,
  }
}

export function request(method: string, url: string, body?: unknown, params?: Params): Response {
  return new Response(vuChannel().send([toWire(method, url, body, params)])[0]!)
}

export const get = (url: string, params?: Params) => request('GET', url, null, params)
export const post = (url: string, body?: unknown, params?: Params) => request('POST', url, body, params)
export const put = (url: string, body?: unknown, params?: Params) => request('PUT', url, body, params)
export const patch = (url: string, body?: unknown, params?: Params) => request('PATCH', url, body, params)
export const del = (url: string, body?: unknown, params?: Params) => request('DELETE', url, body, params)

type BatchEntry =
  | [string, string, unknown?, Params?]
  | { method: string; url: string; body?: unknown; params?: Params }

/** The requests at once (in parallel), their responses in the same order. */
export function batch(entries: BatchEntry[]): Response[] {
  const wire = entries.map((entry) =>
    Array.isArray(entry)
      ? toWire(entry[0], entry[1], entry[2], entry[3])
      : toWire(entry.method, entry.url, entry.body, entry.params),
  )
  return vuChannel()
    .send(wire)
    .map((response) => new Response(response))
}

export default { request, get, post, put, patch, del, batch, expectedStatuses, setResponseCallback }
