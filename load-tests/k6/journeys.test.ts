// Every k6 journey users run (this folder) against the real API on demo data that went through the
// pipeline, one virtual user for a few iterations through the local k6 runner: no failed request, every
// check passes. The scripts and the API cannot drift apart unnoticed.
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { useTestDatabase } from '@revops/db/testing'
import { evaluateDecisions } from '@revops/engine/decisions'
import { createTestApp, type TestApp } from '@revops/functions/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runK6Script } from '../k6-local/runner.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let app: TestApp
let server: Server
let base: string

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  app = await createTestApp(db.sql, db.url, fixture.tenant)
  server = createServer(getRequestListener(app.app.fetch))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
}, 180_000)
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await app.close()
  await fixture.dispose()
})

describe('the k6 journeys', () => {
  for (const journey of ['read-api', 'review-loop', 'cost-explorer', 'match-one']) {
    it(`${journey}.js runs against the API without a failed request or check`, async () => {
      const summary = await runK6Script({
        script: fileURLToPath(new URL(`./${journey}.js`, import.meta.url)),
        vus: 1,
        iterations: 3,
        env: { BASE_URL: base, API_KEY: app.key, THINK: '0' },
      })
      expect(summary.errors).toEqual([])
      expect(summary.requests).toBeGreaterThanOrEqual(3)
      expect(summary.failedRate).toBe(0)
      expect(summary.checks.fails).toBe(0)
      expect(summary.checks.passes).toBeGreaterThanOrEqual(3)
    })
  }
})
