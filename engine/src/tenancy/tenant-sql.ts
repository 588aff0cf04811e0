// Database clients scoped to one tenant: their sessions run as the `revops_app` role with the tenant's
// id set, so PostgreSQL row-level security shows them that tenant's rows only, whatever a query asks.
// The role and the setting are connection startup parameters; no query can forget them.
import { type ConnectOptions, connect, type Sql } from '@revops/db'

export const APP_ROLE = 'revops_app'

export interface TenantSqlPool {
  forTenant(tenantId: string): Sql
  close(): Promise<void>
}

export function createTenantSqlPool(url: string, options: ConnectOptions = {}): TenantSqlPool {
  const pools = new Map<string, Sql>()
  return {
    forTenant(tenantId) {
      let sql = pools.get(tenantId)
      if (!sql) {
        sql = connect(url, {
          max: 5,
          applicationName: `revops-api:${tenantId}`,
          ...options,
          parameters: { role: APP_ROLE, 'app.tenant_id': tenantId },
        })
        pools.set(tenantId, sql)
      }
      return sql
    },
    async close() {
      await Promise.all([...pools.values()].map((sql) => sql.end({ timeout: 5 })))
      pools.clear()
    },
  }
}
