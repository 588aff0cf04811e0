// GET /api/v1/jobs and /api/v1/jobs/{id}: queued, running and finished work with its progress.
import { createRoute, z } from '@hono/zod-openapi'
import { getJob, type JobStatus, listJobs } from '@revops/engine/ops'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { intParam } from '../schemas/params.ts'
import { jobToApi } from '../schemas/to-api.ts'

const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const

const listRoute = createRoute({
  method: 'get',
  path: '/jobs',
  tags: ['Jobs'],
  summary: 'Recent jobs, newest first, with their progress',
  request: {
    query: z.object({
      status: z
        .string()
        .regex(
          /^(queued|running|succeeded|failed)(,(queued|running|succeeded|failed))*$/,
          'expected statuses',
        )
        .optional()
        .openapi({
          description: 'comma-separated statuses, e.g. `queued,running`',
          example: 'queued,running',
        }),
      limit: intParam({ min: 1, max: 100 }).default(20),
    }),
  },
  responses: {
    200: { description: 'Jobs', content: { 'application/json': { schema: envelope(z.array(jobSchema)) } } },
    ...errorResponses(400, 401),
  },
})

const getRoute = createRoute({
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

export const jobRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const statuses = query.status?.split(',') as JobStatus[] | undefined
    const jobs = await listJobs(c.get('sql'), c.get('tenantId'), {
      statuses: statuses ?? [...JOB_STATUSES],
      limit: query.limit,
    })
    c.header('cache-control', 'no-store')
    return ok(c, jobs.map(jobToApi))
  })
  .openapi(getRoute, async (c) => {
    const job = await getJob(c.get('sql'), c.get('tenantId'), c.req.valid('param').id)
    c.header('cache-control', 'no-store')
    return ok(c, jobToApi(job))
  })
