// GET /api/v1/dashboard: every figure of the dashboard (opportunities, decisions, value at stake, match
// quality, data quality, last syncs) in one read; running jobs come from GET /api/v1/jobs.
import { createRoute, z } from '@hono/zod-openapi'
import { readDashboard } from '@revops/engine/dashboard'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { dashboardSchema } from '../schemas/dashboard.ts'

const route = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['Dashboard'],
  summary: 'Opportunities, decisions, value at stake, match and data quality, last syncs',
  request: {
    query: z.object({
      days: z.coerce
        .number()
        .int()
        .min(1)
        .max(366)
        .default(30)
        .openapi({ description: 'days of outcome history' }),
    }),
  },
  responses: {
    200: {
      description: 'The dashboard',
      content: { 'application/json': { schema: envelope(dashboardSchema) } },
    },
    ...errorResponses(400, 401),
  },
})

export const dashboardRoutes = createRouter().openapi(route, async (c) => {
  const dashboard = await readDashboard(c.get('sql'), c.get('tenantId'), { days: c.req.valid('query').days })
  c.header('cache-control', 'no-store')
  return ok(c, dashboard)
})
