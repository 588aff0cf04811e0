// Text no route can store or compare: NUL characters (PostgreSQL text cannot hold them), lone UTF-16
// surrogates (not Unicode; jsonb refuses them) and path segments that are not valid percent-encoding or
// are longer than any name. Refused as 400 before any handler sees them, naming where they were.
import { unstorableTextProblem, ValidationError } from '@revops/engine/shared'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-context.ts'

const MAX_SEGMENT = 255
const MAX_QUERY_VALUE = 4_000
const textProblem = unstorableTextProblem

function refuse(field: string, problem: string): never {
  throw new ValidationError(`${field}: ${problem}`, { fields: [{ field, problem }] })
}

/** No route takes JSON nested deeper than this. */
const MAX_JSON_DEPTH = 32

/** Every string in a parsed JSON value, with its path (`body.ace_ids.3`). */
function checkJson(value: unknown, path: string, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) refuse('body', `is nested more than ${MAX_JSON_DEPTH} levels deep`)
  if (typeof value === 'string') {
    const problem = textProblem(value)
    if (problem) refuse(path, problem)
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkJson(item, `${path}.${index}`, depth + 1)
    })
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key)
      if (problem) refuse(`${path} (a key)`, problem)
      checkJson(item, `${path}.${key}`, depth + 1)
    }
  }
}

export function guardInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url)
    for (const segment of url.pathname.split('/')) {
      let decoded: string
      try {
        decoded = decodeURIComponent(segment)
      } catch {
        refuse('path', 'is not valid percent-encoding')
      }
      if (decoded.length > MAX_SEGMENT) refuse('path', `has a segment longer than ${MAX_SEGMENT} characters`)
      const problem = textProblem(decoded)
      if (problem) refuse('path', problem)
    }
    for (const [key, value] of url.searchParams) {
      const field = `query.${key.slice(0, 40)}`
      const problem = textProblem(key) ?? textProblem(value)
      if (problem) refuse(field, problem)
      if (value.length > MAX_QUERY_VALUE) refuse(field, `is longer than ${MAX_QUERY_VALUE} characters`)
    }
    if (
      c.req.header('content-type')?.includes('application/json') &&
      !['GET', 'HEAD'].includes(c.req.method)
    ) {
      // Parsed once here; hono keeps the body, so the route's validator reads the same text. Invalid
      // JSON is left to the validator, which names it.
      const body = await c.req.json().catch(() => undefined)
      checkJson(body, 'body')
    }
    return next()
  }
}
