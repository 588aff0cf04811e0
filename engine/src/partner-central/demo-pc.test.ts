// The two demo tenants read one demo world: `demo` its ACE side from the APN database, `demo-pc` from
// Partner Central's Selling API (a fake seeded from that same database). The whole pipeline must reach
// the same CORE rows and the same decisions.
import { withDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDemoFixture, type DemoFixture, TENANTS_DIR } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadTenant, registerTenant, type Tenant } from '../config/index.ts'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { createLexicalEmbedder } from '../embed/index.ts'
import { syncSources } from '../ingest/sync-sources.ts'
import { createPipelineStage } from '../pipeline/index.ts'
import { silentLogger } from '../shared/logger.ts'
import { stageContext } from '../stage/stage.ts'
import { FAKE_PARTNER_CENTRAL_CREDENTIALS, FakePartnerCentral } from './fake/fake-partner-central.ts'
import { readApnRecords, stopLocalFakes } from './fake/local-fake.ts'

const db = useTestDatabase()
let demo: DemoFixture
let fake: FakePartnerCentral
let demoPc: Tenant

const pipeline = createPipelineStage({ acquireEmbedder: async () => createLexicalEmbedder() })
const runPipeline = (tenant: Tenant) =>
  pipeline.run(stageContext({ tenant, sql: db.sql, url: db.url, asOf: AS_OF }), {})

beforeAll(async () => {
  demo = await createDemoFixture(db, { until: 'seed' })
  const apnUrl = withDatabase(db.serverUrl, demo.databases.apn)
  fake = await FakePartnerCentral.start()
  for (const record of await readApnRecords(apnUrl, 'Sandbox')) fake.put('Sandbox', record)
  vi.stubEnv('AWS_ACCESS_KEY_ID', FAKE_PARTNER_CENTRAL_CREDENTIALS.accessKeyId)
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_PARTNER_CENTRAL_CREDENTIALS.secretAccessKey)
  demoPc = await loadTenant('demo-pc', {
    tenantsDir: TENANTS_DIR,
    env: {
      ODOO_DATABASE_URL: withDatabase(db.serverUrl, demo.databases.odoo),
      PARTNER_CENTRAL_ENDPOINT: fake.endpoint,
    },
    productServerUrl: db.serverUrl,
  })
  await registerTenant(db.sql, demoPc.config)
  await runPipeline(demo.tenant)
  await runPipeline(demoPc)
}, 240_000)

afterAll(async () => {
  vi.unstubAllEnvs()
  await fake.close()
  await stopLocalFakes()
  await demo.dispose()
})

describe('demo-pc, the demo read from Partner Central', () => {
  it('decides every ACE opportunity exactly as the APN-database demo does', async () => {
    const decisions = (tenant: string) => db.sql<{ ace_id: string; outcome: string; rules: unknown }[]>`
      select ace_id, outcome, rules from ops.current_decisions where tenant_id = ${tenant} order by ace_id`
    const [apn, api] = [await decisions('demo'), await decisions('demo-pc')]
    expect(apn.length).toBeGreaterThan(50)
    expect(api).toEqual(apn)
  })

  it('holds the same CORE ACE opportunities, each saying which source fed it', async () => {
    // Fields with no API counterpart (the mirror's own row times; acceptance) and the source differ.
    const rows = (tenant: string) => db.sql<Record<string, unknown>[]>`
      select to_jsonb(a) - array['tenant_id', 'source', 'created_at', 'updated_at', 'normalized_at', 'partner_acceptance'] as row
      from core.ace_opportunities a where tenant_id = ${tenant} order by ace_id`
    const [apn, api] = [await rows('demo'), await rows('demo-pc')]
    expect(api).toEqual(apn)
    const sources = await db.sql<{ tenant_id: string; source: string }[]>`
      select distinct tenant_id, source from core.ace_opportunities order by 1`
    expect(sources).toEqual([
      { tenant_id: 'demo', source: 'apn' },
      { tenant_id: 'demo-pc', source: 'ace' },
    ])
  })

  it('plans write-backs as a dry run awaiting approval, reading nothing it does not need', async () => {
    const writes = await db.sql<{ status: string; mode: string; n: number }[]>`
      select status, mode, count(*)::int as n from ops.partner_central_writes where tenant_id = 'demo-pc' group by 1, 2`
    expect(writes).toEqual([{ status: 'pending_approval', mode: 'dry_run', n: expect.any(Number) }])
    const [none] = await db.sql<
      { n: number }[]
    >`select count(*)::int as n from ops.partner_central_writes where tenant_id = 'demo'`
    expect(none!.n).toBe(0)
    expect(fake.requests.filter((r) => r.operation === 'UpdateOpportunity')).toHaveLength(0)
  })

  it('starts a local fake by itself when the tenant points at one, seeded from the APN database', async () => {
    const tenant = loadTenantFromText(
      `tenant_id: demo-pc
display_name: local fake
sources:
  ace:
    kind: partnercentral
    catalog: Sandbox
    local_fake: { seed_database: ${demo.databases.apn} }
`,
      {},
      db.serverUrl,
    )
    expect(tenant.sources[0]).toMatchObject({ origin: 'default', endpoint: null })
    await db.sql`delete from raw.source_rows where tenant_id = 'demo-pc' and source = 'ace'`
    await db.sql`delete from raw.source_columns where tenant_id = 'demo-pc' and source = 'ace'`
    await db.sql`delete from raw.source_tables where tenant_id = 'demo-pc' and source = 'ace'`
    const report = await syncSources({ productUrl: db.url, tenant, mode: 'incremental', log: silentLogger })
    const [apnCount] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from core.ace_opportunities where tenant_id = 'demo'`
    expect(report.tables[0]).toMatchObject({ status: 'succeeded', inserted: apnCount!.n })
  })
})
