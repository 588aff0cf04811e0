// Builds the real app over a test database (requests go through app.request(), no server), with an
// API key for the tenant so requests pass authentication like any client's. The app logs in as the API's
// runtime role (revops_app), as in production: never as the owner.
import { API_ROLE, runtimeRoleUrl, type Sql } from '@revops/db'
import { type Tenant, tenantConfigSchema } from '@revops/engine/config'
import { silentLogger } from '@revops/engine/shared'
import { createApiDatabase, createApiKey } from '@revops/engine/tenancy'
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../app.ts'
import type { ApiDeps } from '../app-context.ts'
import { createMatchingSessions } from '../matching-sessions.ts'

export interface TestApp {
  app: ReturnType<typeof createApp>
  /** Fetches through the app with the tenant's API key. */
  request(path: string, init?: RequestInit & { json?: unknown; key?: string | null }): Promise<Response>
  /** The same, with the status, headers and the parsed JSON body (typed loosely: tests assert on it). */
  call(
    path: string,
    init?: RequestInit & { json?: unknown; key?: string | null },
  ): Promise<{ status: number; body: any; headers: Headers }>
  key: string
  close(): Promise<void>
}

export function minimalTenant(tenantId: string): Tenant {
  const config = tenantConfigSchema.parse({
    tenant_id: tenantId,
    display_name: tenantId,
    sources: {
      odoo: { url_env: 'ODOO_URL', tables: ['crm_lead'] },
      apn: { url_env: 'APN_URL', tables: ['opportunity'] },
    },
  })
  return {
    config,
    dir: '/nowhere',
    sources: Object.entries(config.sources).flatMap(([name, s]) =>
      s.kind === 'postgres' ? [{ ...s, name, url: 'postgres://unused/x', origin: 'env' as const }] : [],
    ),
  }
}

/**
 * The tenant row must exist (keys reference it). `sql` is the owner's client (it creates the key); `url`
 * the owner's URL of the database, from which the API role's login is derived. `tenants` serves further
 * tenants' configuration (two-tenant tests); the first is this app's key's.
 */
export async function createTestApp(
  sql: Sql,
  url: string,
  tenant: Tenant | string = 'acme',
  options: { deps?: Partial<ApiDeps>; keyName?: string } = {},
): Promise<TestApp> {
  const resolved = typeof tenant === 'string' ? minimalTenant(tenant) : tenant
  const database = createApiDatabase(runtimeRoleUrl(url, API_ROLE))
  const app = createApp({
    sql: database.sql,
    sqlForKey: (apiKey) => database.forKey(apiKey),
    log: silentLogger,
    version: '0.0.0-test',
    loadTenant: async (tenantId) => {
      if (tenantId !== resolved.config.tenant_id) return minimalTenant(tenantId)
      return resolved
    },
    matchingSessions: createMatchingSessions(),
    ...options.deps,
  })
  const { key } = await createApiKey(sql, resolved.config.tenant_id, options.keyName ?? 'tests')
  const request: TestApp['request'] = async (path, init = {}) => {
    const headers = new Headers(init.headers)
    const useKey = init.key === undefined ? key : init.key
    if (useKey) headers.set('authorization', `Bearer ${useKey}`)
    if (init.json !== undefined) headers.set('content-type', 'application/json')
    return app.request(path, {
      ...init,
      headers,
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    })
  }
  return {
    app,
    key,
    request,
    call: async (path, init) => {
      const response = await request(path, init)
      return { status: response.status, body: await response.json(), headers: response.headers }
    },
    close: () => database.close(),
  }
}

/**
 * Registers beforeAll/afterAll for the usual route test: tenants `acme` and `other` in `db`, and an app
 * with acme's key (read the handle inside tests, after beforeAll).
 */
export function useTestApp(db: { sql: Sql; url: string }): TestApp {
  let current: TestApp | undefined
  const app = () => {
    if (!current) throw new Error('the test app is only available inside tests (after beforeAll)')
    return current
  }
  beforeAll(async () => {
    await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
    current = await createTestApp(db.sql, db.url, 'acme')
  })
  afterAll(() => current?.close())
  return {
    get app() {
      return app().app
    },
    get key() {
      return app().key
    },
    request: (path, init) => app().request(path, init),
    call: (path, init) => app().call(path, init),
    close: async () => {},
  }
}
