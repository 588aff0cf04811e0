// The audit log (newest first, filtered, paged) and the history of one ACE opportunity: every decision
// appended for it and every act about it (reviews, match confirmations).
import { createRoute, z } from '@hono/zod-openapi'
import { listAuditEvents } from '@revops/engine/audit'
import { readDecisionHistory } from '@revops/engine/decisions'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { auditEventSchema, historyEntrySchema } from '../schemas/decision.ts'
import { intParam, isoInstant } from '../schemas/params.ts'

const tags = ['Audit']

const listRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags,
  summary: 'The audit log: rulesets published, evaluations, reviews, match confirmations',
  request: {
    query: z.object({
      action: z.string().min(1).optional().openapi({ example: 'decision.approved' }),
      actor: z.string().min(1).optional(),
      subject_type: z.string().min(1).optional().openapi({ example: 'ace_opportunity' }),
      subject_id: z.string().min(1).optional(),
      from: isoInstant.optional().openapi({ description: 'at or after (ISO 8601)' }),
      to: isoInstant.optional().openapi({ description: 'before (ISO 8601)' }),
      limit: intParam({ min: 1, max: 500 }).default(100),
      cursor: z.string().optional().openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of events, newest first',
      content: {
        'application/json': {
          schema: envelope(
            z.object({ items: z.array(auditEventSchema), next_cursor: z.string().nullable() }),
          ),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

const historyRoute = createRoute({
  method: 'get',
  path: '/audit/opportunities/{ace_id}',
  tags,
  summary: 'The history of one ACE opportunity: its decisions and every act about it, newest first',
  request: {
    params: z.object({
      ace_id: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an ACE opportunity id')
        .openapi({ param: { name: 'ace_id', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The history',
      content: {
        'application/json': {
          schema: envelope(
            z.object({
              ace_id: z.string(),
              current_decision_id: z.string().nullable(),
              entries: z.array(historyEntrySchema),
            }),
          ),
        },
      },
    },
    ...errorResponses(400, 401, 404),
  },
})

export const auditRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const page = await listAuditEvents(c.get('sql'), c.get('tenantId'), {
      action: query.action,
      actor: query.actor,
      subjectType: query.subject_type,
      subjectId: query.subject_id,
      from: query.from,
      to: query.to,
      limit: query.limit,
      before: query.cursor,
    })
    return ok(c, page)
  })
  .openapi(historyRoute, async (c) =>
    ok(c, await readDecisionHistory(c.get('sql'), c.get('tenantId'), c.req.valid('param').ace_id)),
  )
