// The typed client of the public REST API (types generated from openapi/openapi.json into
// api-types.ts). Every request carries the API key; a refused key signs the browser out.
import createClient from 'openapi-fetch'
import { apiKey, signOut } from './api-key.ts'
import type { components, paths } from './api-types.ts'

export type Schemas = components['schemas']

/** A failed API call: the API's error code and message, with its correlation id for support. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly correlationId: string | null
  readonly details: unknown

  constructor(
    status: number,
    code: string,
    message: string,
    correlationId: string | null,
    details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.correlationId = correlationId
    this.details = details
  }
}

export const api = createClient<paths>({ baseUrl: '' })

api.use({
  onRequest({ request }) {
    const key = apiKey()
    if (key) request.headers.set('authorization', `Bearer ${key}`)
    return request
  },
  onResponse({ response }) {
    if (response.status === 401) signOut('The API key was not accepted. Sign in with a valid key.')
    return response
  },
})

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown; correlation_id?: string }
}

/**
 * The `data` of a successful call's envelope; an ApiError otherwise (the server's code and message, or
 * `unreachable` when the server cannot be reached).
 */
export async function unwrap<T>(
  pending: Promise<{ data?: { data: T }; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof pending>
  try {
    result = await pending
  } catch {
    throw new ApiError(0, 'unreachable', 'The server cannot be reached. Is `npm start` still running?', null)
  }
  const { data, error, response } = result
  if (response.ok && data !== undefined) return data.data
  const body = (error ?? {}) as ErrorBody
  throw new ApiError(
    response.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
    body.error?.correlation_id ?? response.headers.get('x-correlation-id'),
    body.error?.details,
  )
}
