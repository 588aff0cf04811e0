// API keys on every request except health and the contract/docs: `Authorization: Bearer <key>` (or
// `X-API-Key`). A valid key selects its tenant, and the request's database client is scoped to that
// tenant (row-level security), so a handler cannot read another tenant's rows even by mistake.
import { UnauthorizedError } from '@revops/engine/errors'
import { findApiKey, touchApiKey } from '@revops/engine/tenancy/api-keys'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-context.ts'

const PUBLIC_PATHS = [/^\/api\/v1\/health$/, /^\/api\/openapi\.json$/, /^\/api\/docs(\/.*)?$/]

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path
    if (!path.startsWith('/api/') || PUBLIC_PATHS.some((pattern) => pattern.test(path))) return next()
    const deps = c.get('deps')
    const header = c.req.header('authorization')
    const key = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? c.req.header('x-api-key')
    if (!key) throw new UnauthorizedError('missing API key: send Authorization: Bearer <key>')
    const record = await findApiKey(deps.sql, key)
    if (!record) throw new UnauthorizedError('unknown or revoked API key')
    c.set('tenantId', record.tenantId)
    c.set('apiKeyName', record.name)
    c.set('sql', deps.sqlForTenant(record.tenantId))
    void touchApiKey(deps.sql, record.keyId).catch(() => {})
    return next()
  }
}
