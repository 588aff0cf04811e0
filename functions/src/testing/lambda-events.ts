// Lambda events for the API's handler, made from real payload shapes (payload format 2.0): a function
// URL's (lambda-events/function-url.json) and an API Gateway HTTP API's (lambda-events/http-api.json),
// with the method, path, query, headers and body of one request filled in as AWS does.
import { readFileSync } from 'node:fs'

export type EventSource = 'function-url' | 'http-api'

export interface LambdaRequest {
  method?: string
  /** Path with an optional query string, e.g. `/api/v1/opportunities?limit=2`. */
  path: string
  headers?: Record<string, string>
  body?: string
  /** Send the body base64-encoded, as a function URL does for binary content. */
  base64?: boolean
}

const templates: Record<EventSource, Record<string, any>> = {
  'function-url': JSON.parse(
    readFileSync(new URL('./lambda-events/function-url.json', import.meta.url), 'utf8'),
  ),
  'http-api': JSON.parse(readFileSync(new URL('./lambda-events/http-api.json', import.meta.url), 'utf8')),
}

export function lambdaEvent(source: EventSource, request: LambdaRequest): any {
  const event = structuredClone(templates[source])
  const [rawPath = '/', rawQueryString = ''] = request.path.split('?', 2)
  const method = request.method ?? 'GET'
  event.rawPath = rawPath
  event.rawQueryString = rawQueryString
  const query = new URLSearchParams(rawQueryString)
  if ([...query.keys()].length > 0) {
    // AWS joins repeated parameters with commas here; rawQueryString keeps them apart.
    event.queryStringParameters = Object.fromEntries(
      [...new Set(query.keys())].map((key) => [key, query.getAll(key).join(',')]),
    )
  }
  event.headers = { ...event.headers, ...lowerCased(request.headers ?? {}) }
  event.requestContext.http.method = method
  event.requestContext.http.path = rawPath
  if (request.body !== undefined) {
    event.body = request.base64 ? Buffer.from(request.body).toString('base64') : request.body
    event.isBase64Encoded = Boolean(request.base64)
    event.headers['content-length'] = String(Buffer.byteLength(request.body))
  }
  return event
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
}
