// GET /api/v1/health: liveness and readiness, public and tenant-free (a load balancer or an uptime check
// asks it). GET /api/v1/health/details: the key's tenant's view (last sync, queue, stuck work).
import { createRoute, z } from '@hono/zod-openapi'
import { readHealthDetails, readLiveness } from '@revops/engine/ops'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'

const status = z.enum(['ok', 'degraded', 'down']).openapi({
  description: 'degraded: no live job worker (details: or work is stuck); down: the database does not answer',
})
const database = z.object({ ok: z.boolean(), latency_ms: z.number().nullable() })

const livenessSchema = z.object({ status, database, worker: z.object({ ok: z.boolean() }) }).openapi('Health')

const detailsSchema = z
  .object({
    status,
    database,
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
    jobs: z.object({
      queued: z.number().int(),
      running: z.number().int(),
      stuck: z.number().int().openapi({ description: 'running on a worker that is gone' }),
    }),
    stuck_jobs: z.array(
      z.object({
        job_id: z.string(),
        kind: z.string(),
        started_at: z.string().nullable(),
        worker_id: z.string().nullable(),
      }),
    ),
  })
  .openapi('HealthDetails')

const livenessRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness and readiness: does the database answer, is a job worker alive (no key needed)',
  security: [],
  responses: {
    200: {
      description: 'The service answers (status says whether everything is well)',
      content: { 'application/json': { schema: envelope(livenessSchema) } },
    },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: envelope(livenessSchema) } },
    },
  },
})

const detailsRoute = createRoute({
  method: 'get',
  path: '/health/details',
  tags: ['Operations'],
  summary: "The tenant's view: workers, the last sync, the job queue and stuck work",
  responses: {
    200: {
      description: 'Health in detail',
      content: { 'application/json': { schema: envelope(detailsSchema) } },
    },
    ...errorResponses(401, 503),
  },
})

export const healthRoutes = createRouter()
  .openapi(livenessRoute, async (c) => {
    const report = await readLiveness(c.get('deps').sql)
    c.header('cache-control', 'no-store')
    return report.status === 'down' ? ok(c, report, 503) : ok(c, report, 200)
  })
  .openapi(detailsRoute, async (c) => {
    c.header('cache-control', 'no-store')
    return ok(c, await readHealthDetails(c.get('sql'), c.get('tenantId')))
  })
