// GET /api/v1/jobs/{id}: status and progress of queued work.
import { createRoute, z } from '@hono/zod-openapi'
import { getJob } from '@revops/engine/jobs/job-store'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { jobToApi } from '../schemas/to-api.ts'

const route = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['Jobs'],
  summary: 'Status and progress of a job',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: envelope(jobSchema) } } },
    ...errorResponses(400, 401, 404),
  },
})

export const jobRoutes = createRouter().openapi(route, async (c) => {
  const job = await getJob(c.get('sql'), c.get('tenantId'), c.req.valid('param').id)
  c.header('cache-control', 'no-store')
  return ok(c, jobToApi(job))
})
