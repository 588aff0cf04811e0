// What the tenant's channels were told: sent, pending (with the next attempt), waiting for the digest,
// and failed (with why).
import { createRoute, z } from '@hono/zod-openapi'
import { listNotifications, NOTIFICATION_STATUSES } from '@revops/engine/notifications'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { intParam } from '../schemas/params.ts'

const statusSchema = z.enum(NOTIFICATION_STATUSES).openapi('NotificationStatus', {
  description:
    'digest: waits for the daily digest; pending: due at next_attempt_at; sending: being sent; sent; failed (gave up; last_error says why); digested: went out inside a digest.',
})

const notificationSchema = z
  .object({
    notification_id: z.string(),
    channel: z.string(),
    event: z.string(),
    subject: z.string(),
    body: z.string(),
    status: statusSchema,
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    next_attempt_at: z.string(),
    created_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .openapi('Notification')

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['Notifications'],
  summary: 'Notifications sent, pending and failed, newest first',
  request: {
    query: z.object({
      status: z.union([statusSchema, z.array(statusSchema)]).optional(),
      limit: intParam({ min: 1, max: 500 }).default(100),
      cursor: z
        .string()
        .regex(/^\d{1,18}$/, 'expected a notification id')
        .optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of notifications',
      content: {
        'application/json': {
          schema: envelope(
            z.object({ items: z.array(notificationSchema), next_cursor: z.string().nullable() }),
          ),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

export const notificationRoutes = createRouter().openapi(listRoute, async (c) => {
  const query = c.req.valid('query')
  const items = await listNotifications(c.get('sql'), c.get('tenantId'), {
    statuses: query.status === undefined ? undefined : [query.status].flat(),
    limit: query.limit,
    before: query.cursor,
  })
  const next = items.length === query.limit ? (items.at(-1)?.notification_id ?? null) : null
  return ok(c, { items, next_cursor: next })
})
