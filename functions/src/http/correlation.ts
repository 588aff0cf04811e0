// Gives every request a correlation id (the caller's X-Correlation-Id when sane) and a start time.
import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { ApiDeps, AppEnv } from '../app-context.ts'

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/

export function requestContext(deps: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('startedAt', performance.now())
    c.set('deps', deps)
    const given = c.req.header('x-correlation-id')
    const correlationId = given && SAFE_ID.test(given) ? given : randomUUID()
    c.set('correlationId', correlationId)
    await next()
    c.header('x-correlation-id', correlationId)
  }
}
