// Test fixture for the decisions feature: the demo sources seeded, synced, normalised and matched, the
// APN source and ground truth at hand for independent checks, and a private copy of the tenant folder
// so a test can edit its rules without touching tenants/demo.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect, type Sql, withDatabase } from '@revops/db'
import type { TestDatabase } from '@revops/db/testing'
import type { Tenant } from '@revops/engine/config'
import { ensurePublished } from '@revops/engine/decisions'
import { loadMatchingConfig, matchTenant } from '@revops/engine/match'
import { silentLogger } from '@revops/engine/shared'
import { type GroundTruthRow, readGroundTruth } from '../demo/seed-demo-sources.ts'
import { createDemoFixture, type DemoFixtureOptions } from './demo-fixture.ts'

/** The as-of date decisions tests judge at: the demo fixture's anchor date (billing runs to October). */
export const AS_OF = '2026-11-01'

export interface DecisionsFixture {
  /** The demo tenant, its folder a private copy (rules may be edited). */
  tenant: Tenant
  /** The seeded APN source database (read-only use: the independent view of the data). */
  apn: Sql
  truth: GroundTruthRow[]
  dispose(): Promise<void>
}

export interface DecisionsFixtureOptions {
  size?: DemoFixtureOptions['size']
  /** Run matching so the match facts have candidates (default true). */
  match?: boolean
  /** Publish the tenant's pod.yaml as version 1, as the pipeline's first run does (default true). */
  publish?: boolean
}

/** Seeds, syncs, normalises (and matches) the demo data in `db`. */
export async function createDecisionsFixture(
  db: TestDatabase,
  options: DecisionsFixtureOptions = {},
): Promise<DecisionsFixture> {
  const demo = await createDemoFixture(db, options.size ? { size: options.size } : {})
  if (options.match ?? true) {
    await matchTenant({
      sql: db.sql,
      tenantId: 'demo',
      config: await loadMatchingConfig(demo.tenant),
      log: silentLogger,
    })
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'decisions-tenant-'))
  await cp(demo.tenant.dir, dir, { recursive: true })
  const apn = connect(withDatabase(db.serverUrl, demo.databases.apn), { max: 2 })
  const truth = await readGroundTruth(demo.truthUrl)
  // As the pipeline's first run does: the tenant's own pod.yaml becomes version 1.
  if (options.publish ?? true) await ensurePublished(db.sql, { ...demo.tenant, dir })
  return {
    tenant: { ...demo.tenant, dir },
    apn,
    truth,
    dispose: async () => {
      await apn.end({ timeout: 5 })
      await rm(dir, { recursive: true, force: true })
      await demo.dispose()
    },
  }
}
