// GET /api/v1/opportunities and /api/v1/opportunities/{id}: ACE and Odoo opportunities from CORE.
import { createRoute, z } from '@hono/zod-openapi'
import { getOpportunity, listOpportunities, OPPORTUNITY_SORTS } from '@revops/engine/opportunities'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { opportunityDetailSchema, opportunityPageSchema } from '../schemas/opportunity.ts'
import { intParam, isoDate } from '../schemas/params.ts'

const listQuery = z.object({
  source: z.enum(['ace', 'odoo']).optional(),
  stage: z.string().max(100).optional(),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Words in the customer name or title, or an exact source id' }),
  close_from: isoDate.optional(),
  close_to: isoDate.optional(),
  aws_account_id: z
    .string()
    .regex(/^\d{12}$/, 'expected 12 digits')
    .optional(),
  sort: z.enum(OPPORTUNITY_SORTS).default('close_date'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: intParam({ min: 1, max: 500 }).default(50),
  cursor: z.string().max(500).optional(),
})

const listRoute = createRoute({
  method: 'get',
  path: '/opportunities',
  tags: ['Opportunities'],
  summary: 'List ACE and Odoo opportunities (filter, sort, cursor pagination)',
  request: { query: listQuery },
  responses: {
    200: {
      description: 'A page of opportunities',
      content: { 'application/json': { schema: envelope(opportunityPageSchema) } },
    },
    ...errorResponses(400, 401),
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/opportunities/{id}',
  tags: ['Opportunities'],
  summary: 'One opportunity with every normalised field',
  request: {
    params: z.object({
      id: z
        .string()
        .min(3)
        .max(200)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'odoo:42' }),
    }),
  },
  responses: {
    200: {
      description: 'The opportunity',
      content: { 'application/json': { schema: envelope(opportunityDetailSchema) } },
    },
    ...errorResponses(400, 401, 404),
  },
})

export const opportunityRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listOpportunities(c.get('sql'), {
      tenantId: c.get('tenantId'),
      filter: {
        source: query.source,
        stage: query.stage,
        q: query.q,
        closeFrom: query.close_from,
        closeTo: query.close_to,
        awsAccountId: query.aws_account_id,
      },
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      cursor: query.cursor,
    })
    return ok(c, { items: page.items, next_cursor: page.nextCursor })
  })
  .openapi(getRoute, async (c) => {
    const detail = await getOpportunity(c.get('sql'), c.get('tenantId'), c.req.valid('param').id)
    return ok(c, detail)
  })
