// The real product for the browser tests: the demo sources seeded into a test database and run through
// the pipeline (sync, normalize, embed, match, rules), the UI built when stale, and the HTTP server the
// CLI runs (API + UI on one origin) on a free port, with an API key of the demo tenant.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { TestDatabase } from '@revops/db/testing'
import { createLexicalEmbedder } from '@revops/engine/embed'
import { createPipelineStage } from '@revops/engine/pipeline'
import { silentLogger } from '@revops/engine/shared'
import { stageContext } from '@revops/engine/stage'
import { createTestApp } from '@revops/functions/testing'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { createWebAssets, withWebAssets } from '../../server/web-assets.ts'
import { ensureWebBuild } from '../../server/web-build.ts'

/** The demo fixture's anchor date: decisions are taken as of it, so outcomes do not drift with the clock. */
export const AS_OF = '2026-11-01'

export interface UiServer {
  url: string
  key: string
  fixture: DemoFixture
  close(): Promise<void>
}

export async function startUiServer(db: TestDatabase): Promise<UiServer> {
  // The build runs in its own process while this one seeds and runs the pipeline.
  const built = ensureWebBuild({ log: silentLogger })
  const fixture = await createDemoFixture(db, { until: 'seed' })
  const report = await createPipelineStage({ acquireEmbedder: async () => createLexicalEmbedder() }).run(
    stageContext({ tenant: fixture.tenant, sql: db.sql, url: db.url, asOf: AS_OF }),
    {},
  )
  if (report.status !== 'succeeded')
    throw new Error(`pipeline ${report.status}: ${JSON.stringify(report.stages)}`)
  await built
  const testApp = await createTestApp(db.sql, db.url, fixture.tenant)
  const web = createWebAssets({ build: false, log: silentLogger })
  const server = createServer(withWebAssets(getRequestListener(testApp.app.fetch), web))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    key: testApp.key,
    fixture,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await testApp.close()
      await fixture.dispose()
    },
  }
}
