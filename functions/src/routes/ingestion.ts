// POST /api/v1/ingestion/{source}/sync: queue a sync job and return it (the worker runs it).
import { createRoute, z } from '@hono/zod-openapi'
import { findSource } from '@revops/engine/config'
import { enqueueJob } from '@revops/engine/ops'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { hasJson } from '../http/json-body.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { jobToApi } from '../schemas/to-api.ts'

const route = createRoute({
  method: 'post',
  path: '/ingestion/{source}/sync',
  tags: ['Ingestion'],
  summary: 'Queue a sync of one source (or all) into RAW',
  description:
    'Returns the queued job (202). While a sync with the same parameters is queued or running, that job is returned (200) instead of a new one.',
  request: {
    params: z.object({
      source: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
        .openapi({
          param: { name: 'source', in: 'path' },
          example: 'odoo',
          description: 'A configured source name, or `all`',
        }),
    }),
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({ mode: z.enum(['incremental', 'full']).default('incremental') })
            .openapi('SyncRequest'),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'A new job was queued',
      content: { 'application/json': { schema: envelope(jobSchema) } },
    },
    200: {
      description: 'The same sync was already queued or running',
      content: { 'application/json': { schema: envelope(jobSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

export const ingestionRoutes = createRouter().openapi(route, async (c) => {
  const { source } = c.req.valid('param')
  const body = hasJson(c) ? c.req.valid('json') : { mode: 'incremental' as const }
  const deps = c.get('deps')
  const tenantId = c.get('tenantId')
  if (source !== 'all') findSource(await deps.loadTenant(tenantId), source)
  const payload = { sources: source === 'all' ? undefined : [source], mode: body.mode ?? 'incremental' }
  const { job, created } = await enqueueJob(c.get('sql'), {
    tenantId,
    kind: 'sync',
    payload: JSON.parse(JSON.stringify(payload)),
    reuseActive: true,
  })
  return created ? ok(c, jobToApi(job), 202) : ok(c, jobToApi(job), 200)
})
