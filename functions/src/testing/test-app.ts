// Builds the real app over a test database (requests go through app.request(), no server), with an
// API key for the tenant so requests pass authentication like any client's.
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config/load-tenant-config'
import { tenantConfigSchema } from '@revops/engine/config/tenant-config'
import { silentLogger } from '@revops/engine/logger'
import { createApiKey } from '@revops/engine/tenancy/api-keys'
import { createTenantSqlPool } from '@revops/engine/tenancy/tenant-sql'
import { createApp } from '../app.ts'

export interface TestApp {
  app: ReturnType<typeof createApp>
  /** Fetches through the app with the tenant's API key. */
  request(path: string, init?: RequestInit & { json?: unknown; key?: string | null }): Promise<Response>
  /** The same, with the status and the parsed JSON body (typed loosely: tests assert on it). */
  call(
    path: string,
    init?: RequestInit & { json?: unknown; key?: string | null },
  ): Promise<{ status: number; body: any }>
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
    sources: Object.entries(config.sources).map(([name, s]) => ({
      ...s,
      name,
      url: 'postgres://unused/x',
      origin: 'env' as const,
    })),
  }
}

/** The tenant row must exist (keys reference it). */
export async function createTestApp(
  sql: Sql,
  url: string,
  tenant: Tenant | string = 'acme',
): Promise<TestApp> {
  const resolved = typeof tenant === 'string' ? minimalTenant(tenant) : tenant
  const pool = createTenantSqlPool(url)
  const app = createApp({
    sql,
    sqlForTenant: (tenantId) => pool.forTenant(tenantId),
    log: silentLogger,
    version: '0.0.0-test',
    defaultTenantId: resolved.config.tenant_id,
    loadTenant: async () => resolved,
  })
  const { key } = await createApiKey(sql, resolved.config.tenant_id, 'tests')
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
      return { status: response.status, body: await response.json() }
    },
    close: () => pool.close(),
  }
}
