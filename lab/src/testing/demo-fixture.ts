// Test fixture: demo source databases seeded on the test server and the demo tenant pointed at them,
// optionally synced and normalised, so stage tests start from realistic CORE data.
import { dropDatabase, withDatabase } from '@revops/db'
import type { TestDatabase } from '@revops/db/testing'
import { loadTenant, registerTenant, type Tenant } from '@revops/engine/config'
import { syncSources } from '@revops/engine/ingest'
import { normalizeTenant } from '@revops/engine/normalize'
import { silentLogger } from '@revops/engine/shared'
import { seedDemoSources } from '../demo/seed-demo-sources.ts'

export interface DemoFixture {
  tenant: Tenant
  databases: { odoo: string; apn: string; truth: string }
  truthUrl: string
  dispose(): Promise<void>
}

export interface DemoFixtureOptions {
  size?: { companies: number; odooOpportunities: number; aceOpportunities: number; billingMonths: number }
  seed?: number
  odooVersion?: 14 | 16 | 17
  /** Stop after seeding (`seed`), after sync (`sync`) or after normalisation (`normalize`, default). */
  until?: 'seed' | 'sync' | 'normalize'
}

export const TENANTS_DIR = new URL('../../../tenants', import.meta.url).pathname

export async function createDemoFixture(
  db: TestDatabase,
  options: DemoFixtureOptions = {},
): Promise<DemoFixture> {
  const suffix = Math.random().toString(36).slice(2, 8)
  const databases = { odoo: `fx_odoo_${suffix}`, apn: `fx_apn_${suffix}`, truth: `fx_truth_${suffix}` }
  await seedDemoSources({
    serverUrl: db.serverUrl,
    databases,
    seed: options.seed ?? 7,
    size: options.size ?? { companies: 40, odooOpportunities: 80, aceOpportunities: 60, billingMonths: 4 },
    odooVersion: options.odooVersion ?? 14,
    anchorDate: '2026-11-01',
  })
  const tenant = await loadTenant('demo', {
    tenantsDir: TENANTS_DIR,
    env: {
      ODOO_DATABASE_URL: withDatabase(db.serverUrl, databases.odoo),
      APN_DATABASE_URL: withDatabase(db.serverUrl, databases.apn),
    },
    productServerUrl: db.serverUrl,
  })
  await registerTenant(db.sql, tenant.config)
  const until = options.until ?? 'normalize'
  if (until !== 'seed')
    await syncSources({ productUrl: db.url, tenant, mode: 'incremental', log: silentLogger })
  if (until === 'normalize') await normalizeTenant({ sql: db.sql, tenant, log: silentLogger })
  return {
    tenant,
    databases,
    truthUrl: withDatabase(db.serverUrl, databases.truth),
    dispose: async () => {
      for (const name of Object.values(databases)) await dropDatabase(db.serverUrl, name)
    },
  }
}
