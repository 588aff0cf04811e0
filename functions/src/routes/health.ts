// GET /api/v1/health: database, workers, last sync. Public (no API key), never cached.
import { createRoute, z } from '@hono/zod-openapi'
import { readHealth } from '@revops/engine/ops/read-health'
import { envelope, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']).openapi({ description: 'degraded: no live job worker' }),
    database: z.object({ ok: z.boolean(), latency_ms: z.number().nullable(), error: z.string().optional() }),
    worker: z.object({
      ok: z.boolean(),
      live_workers: z.number().int(),
      last_seen_at: z.string().nullable(),
    }),
    last_sync: z
      .object({
        sync_id: z.string(),
        status: z.string(),
        started_at: z.string(),
        finished_at: z.string().nullable(),
      })
      .nullable(),
    jobs: z.object({ queued: z.number().int(), running: z.number().int() }),
  })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Health of the database, the job worker and ingestion',
  security: [],
  responses: {
    200: {
      description: 'The service answers (status says whether everything is well)',
      content: { 'application/json': { schema: envelope(healthSchema) } },
    },
    503: {
      description: 'The database is unreachable',
      content: { 'application/json': { schema: envelope(healthSchema) } },
    },
  },
})

export const healthRoutes = createRouter().openapi(route, async (c) => {
  const report = await readHealth(c.get('deps').sql, c.get('tenantId'))
  c.header('cache-control', 'no-store')
  return report.status === 'down' ? ok(c, report, 503) : ok(c, report, 200)
})
