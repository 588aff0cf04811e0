// Builds the real app over a test database (requests go through app.request(), no server).
import type { Sql } from '@revops/db'
import { tenantConfigSchema } from '@revops/engine/config/tenant-config'
import { silentLogger } from '@revops/engine/logger'
import { createApp } from '../app.ts'

export function createTestApp(sql: Sql, tenantId = 'acme') {
  const config = tenantConfigSchema.parse({
    tenant_id: tenantId,
    display_name: 'Acme',
    sources: {
      odoo: { url_env: 'ODOO_URL', tables: ['crm_lead'] },
      apn: { url_env: 'APN_URL', tables: ['opportunity'] },
    },
  })
  return createApp({
    sql,
    log: silentLogger,
    version: '0.0.0-test',
    defaultTenantId: tenantId,
    loadTenant: async () => ({
      config,
      dir: '/nowhere',
      sources: Object.entries(config.sources).map(([name, s]) => ({
        ...s,
        name,
        url: 'postgres://unused/x',
        origin: 'env' as const,
      })),
    }),
  })
}
