// A one-source tenant pointing at a test source database (used by the ingestion tests).
import type { Tenant } from '../../config/load-tenant-config.ts'
import { tenantConfigSchema } from '../../config/tenant-config.ts'

export interface TestTenantOptions {
  batchSize?: number
  tables?: string[]
}

export function makeTestTenant(url: string, options: TestTenantOptions = {}): Tenant {
  const config = tenantConfigSchema.parse({
    tenant_id: 'acme',
    display_name: 'Acme',
    sources: {
      crm: {
        url_env: 'CRM_URL',
        watermark_column: 'write_date',
        lookback_seconds: 0,
        batch_size: options.batchSize ?? 1000,
        tables: options.tables ?? ['lead', 'stage', 'not_there'],
      },
    },
  })
  const crm = config.sources.crm!
  if (crm.kind !== 'postgres') throw new Error('the test source is a PostgreSQL one')
  return { config, dir: '/nowhere', sources: [{ ...crm, name: 'crm', url, origin: 'env' }] }
}
