// The one place errors become HTTP responses: typed errors keep their code and message, anything
// unexpected is logged with the correlation id and answered with a 500 that reveals nothing internal.
import { AppError } from '@revops/engine/errors'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../app-context.ts'

const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  validation_failed: 400,
  invalid_config: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  source_unavailable: 503,
}

export function errorBody(c: Context<AppEnv>, code: string, message: string, details: unknown = null) {
  return { error: { code, message, details: details ?? null, correlation_id: c.get('correlationId') ?? '' } }
}

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) {
    const status = STATUS_BY_CODE[error.code] ?? 500
    return c.json(errorBody(c, error.code, error.message, error.details), status)
  }
  if (error instanceof HTTPException) {
    const code = error.status === 400 ? 'bad_request' : error.status === 401 ? 'unauthorized' : 'http_error'
    return c.json(errorBody(c, code, error.message || 'request failed'), error.status as ContentfulStatusCode)
  }
  if (error instanceof SyntaxError && /JSON/.test(error.message)) {
    return c.json(errorBody(c, 'validation_failed', 'the request body is not valid JSON'), 400)
  }
  c.get('deps')?.log.error('unhandled error', {
    correlation_id: c.get('correlationId'),
    path: c.req.path,
    error: error.message,
    stack: error.stack,
  })
  return c.json(errorBody(c, 'internal_error', 'an unexpected error occurred; quote the correlation id'), 500)
}

export function handleNotFound(c: Context<AppEnv>) {
  return c.json(errorBody(c, 'not_found', `no route ${c.req.method} ${c.req.path}`), 404)
}
