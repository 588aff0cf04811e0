// The one place errors become HTTP responses: typed errors keep their code and message; a database that
// cannot be reached is a 503 (generic: no host or port); anything unexpected is logged with the
// correlation id and answered with a 500 that reveals nothing internal. Every code is one of ERROR_CODES.
import { connectionFailureReason } from '@revops/db'
import { AppError } from '@revops/engine/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../app-context.ts'

/** Every error code the API answers with, and its status (the README documents this list). */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_config: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  time_budget_exceeded: 422,
  precondition_required: 428,
  too_many_requests: 429,
  internal_error: 500,
  source_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof ERROR_CODES

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_CODES)
    .filter(([code]) => code !== 'invalid_config')
    .map(([code, status]) => [status, code as ErrorCode]),
)

export function errorBody(c: Context<AppEnv>, code: ErrorCode, message: string, details: unknown = null) {
  return { error: { code, message, details: details ?? null, correlation_id: c.get('correlationId') ?? '' } }
}

function send(c: Context<AppEnv>, code: ErrorCode, message: string, details?: unknown) {
  return c.json(errorBody(c, code, message, details), ERROR_CODES[code])
}

export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError && error.code in ERROR_CODES) {
    return send(c, error.code as ErrorCode, error.message, error.details)
  }
  if (error instanceof HTTPException) {
    const code =
      CODE_BY_STATUS.get(error.status) ?? (error.status >= 500 ? 'internal_error' : 'validation_failed')
    return send(c, code, error.status >= 500 ? 'request failed' : error.message || 'invalid request')
  }
  if (error instanceof SyntaxError && /JSON/.test(error.message)) {
    return send(c, 'validation_failed', 'the request body is not valid JSON')
  }
  const reason = connectionFailureReason(error)
  if (reason) {
    c.get('deps')?.log.warn('database unavailable', { correlation_id: c.get('correlationId'), reason })
    c.header('retry-after', '5')
    return send(c, 'source_unavailable', 'the database is unavailable; try again in a few seconds')
  }
  c.get('deps')?.log.error('unhandled error', {
    correlation_id: c.get('correlationId'),
    path: c.req.path,
    error: error.message,
    stack: error.stack,
  })
  return send(c, 'internal_error', 'an unexpected error occurred; quote the correlation id')
}

export function handleNotFound(c: Context<AppEnv>) {
  return send(c, 'not_found', `no route ${c.req.method} ${c.req.path.slice(0, 200)}`)
}
