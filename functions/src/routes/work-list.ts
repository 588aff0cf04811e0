// GET /api/v1/ace-work-list: for every ACE opportunity approved for POD, the changes the partner still has
// to make in ACE, and why; `format=csv` answers the same items as CSV (as the billing figures do).
import { createRoute, z } from '@hono/zod-openapi'
import { todayIso } from '@revops/engine/shared'
import { readWorkList, workListCsv, workListWriteBack } from '@revops/engine/work-list'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { isoDate } from '../schemas/params.ts'
import { workListSchema } from '../schemas/work-list.ts'

const listRoute = createRoute({
  method: 'get',
  path: '/ace-work-list',
  tags: ['Work list'],
  summary:
    'What approved ACE opportunities still need in ACE: each field, its value, the value it should have, why',
  description:
    'One item per change, ordered by ACE id. The partner CRM id item is the Partner Central write-back’s draft when the tenant writes back (with the write and its status).',
  request: {
    query: z.object({
      as_of: isoDate.optional().openapi({ description: 'the day dates are judged at; today unless given' }),
      format: z
        .enum(['json', 'csv'])
        .default('json')
        .openapi({ description: 'csv: the same items as text/csv' }),
    }),
  },
  responses: {
    200: {
      description: 'The work list (JSON), or the same items as CSV with format=csv',
      content: {
        'application/json': { schema: envelope(workListSchema) },
        'text/csv': { schema: z.string().openapi({ description: 'with format=csv' }) },
      },
    },
    ...errorResponses(400, 401),
  },
})

export const workListRoutes = createRouter().openapi(listRoute, async (c) => {
  const query = c.req.valid('query')
  const tenant = await c.get('deps').loadTenant(c.get('tenantId'))
  const list = await readWorkList(c.get('sql'), {
    tenantId: c.get('tenantId'),
    asOf: query.as_of ?? todayIso(),
    writeBack: workListWriteBack(tenant),
  })
  c.header('cache-control', 'no-store')
  if (query.format === 'csv')
    return c.body(workListCsv(list), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ace-work-list_${list.as_of}.csv"`,
    })
  return ok(c, list)
})
