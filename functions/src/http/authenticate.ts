// API keys on every request except liveness and the contract/docs: `Authorization: Bearer <key>` (or
// `X-API-Key`). A valid key is the request's principal: it selects the tenant, every act is attributed to
// it, and the request's database client presents it, so PostgreSQL shows that tenant's rows only.
// Repeated failures from one client are throttled.
import { TooManyRequestsError, UnauthorizedError } from '@revops/engine/shared'
import { findApiKey } from '@revops/engine/tenancy'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-context.ts'
import { type AuthThrottle, createAuthThrottle } from './auth-throttle.ts'

const PUBLIC_PATHS = [/^\/api\/v1\/health$/, /^\/api\/openapi\.json$/, /^\/api\/docs(\/.*)?$/]

export function authenticate(throttle: AuthThrottle = createAuthThrottle()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path
    if (!path.startsWith('/api/') || PUBLIC_PATHS.some((pattern) => pattern.test(path))) return next()
    const deps = c.get('deps')
    const client = deps.clientAddress?.(c.req.raw, c.env) ?? 'unknown'
    const waitMs = throttle.retryAfterMs(client)
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      c.header('retry-after', String(seconds))
      throw new TooManyRequestsError(`too many failed sign-ins; try again in ${seconds} s`, {
        retry_after_seconds: seconds,
      })
    }
    const header = c.req.header('authorization')
    const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? c.req.header('x-api-key')
    if (!key) throw new UnauthorizedError('missing API key: send Authorization: Bearer <key>')
    const record = await findApiKey(deps.sql, key)
    if (!record) {
      throttle.recordFailure(client)
      throw new UnauthorizedError('unknown or revoked API key')
    }
    throttle.recordSuccess(client)
    c.set('principal', { keyId: record.keyId, name: record.name, tenantId: record.tenantId })
    c.set('tenantId', record.tenantId)
    c.set('billingStamp', record.billingStamp)
    c.set('sql', deps.sqlForKey(key))
    return next()
  }
}
