// Gives every request a correlation id (the caller's X-Correlation-Id when sane) and a start time, and
// every response the server's own time on it (`Server-Timing: app;dur=<ms>`, shown by browsers'
// developer tools and summarised by the load runner, which tells the server's share of a slow request
// from the network's and the client's).
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
    c.header('server-timing', `app;dur=${(performance.now() - c.get('startedAt')).toFixed(2)}`)
  }
}
