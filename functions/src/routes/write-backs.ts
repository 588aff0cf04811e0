// Write-backs to Partner Central: the list (pending, held, done, …) and a batch approval, which queues a
// write-back job so approved writes run without waiting for the next pipeline.
import { createRoute, z } from '@hono/zod-openapi'
import { enqueueJob } from '@revops/engine/ops'
import { approveWriteBacks, countWriteBacks, listWriteBacks } from '@revops/engine/write-back'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { intParam } from '../schemas/params.ts'
import { jobToApi } from '../schemas/to-api.ts'
import { writeBackSchema, writeStatusSchema } from '../schemas/write-back.ts'

const tags = ['Write-back']
const writeId = z.string().regex(/^\d{1,18}$/, 'expected a write id')

const listRoute = createRoute({
  method: 'get',
  path: '/write-backs',
  tags,
  summary:
    'Write-backs to Partner Central, newest first, with the count in each status (of the ACE opportunity asked for, if any)',
  request: {
    query: z.object({
      status: z
        .union([writeStatusSchema, z.array(writeStatusSchema)])
        .optional()
        .openapi({ description: 'one status or several (repeat the parameter)' }),
      ace_id: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
      limit: intParam({ min: 1, max: 500 }).default(100),
      cursor: writeId.optional().openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of write-backs and the counts by status',
      content: {
        'application/json': {
          schema: envelope(
            z.object({
              items: z.array(writeBackSchema),
              counts: z.record(writeStatusSchema, z.number().int()),
              next_cursor: z.string().nullable(),
            }),
          ),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

const approveRoute = createRoute({
  method: 'post',
  path: '/write-backs/approve',
  tags,
  summary: 'Approve write-backs in a batch; queues the write-back job that runs them',
  description:
    'Only writes waiting for approval move; the others are reported as not approved. The approver is the API key (the audit log records it).',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({ write_ids: z.array(writeId).min(1).max(500) }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'What was approved, and the job that runs it (null when nothing was)',
      content: {
        'application/json': {
          schema: envelope(
            z.object({
              approved: z.array(z.string()),
              not_approved: z.array(z.string()),
              job: jobSchema.nullable(),
            }),
          ),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

export const writeBackRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const statuses = query.status === undefined ? undefined : [query.status].flat()
    const sql = c.get('sql')
    const tenantId = c.get('tenantId')
    const items = await listWriteBacks(sql, tenantId, {
      statuses,
      aceId: query.ace_id,
      limit: query.limit,
      before: query.cursor,
    })
    const next = items.length === query.limit ? (items.at(-1)?.write_id ?? null) : null
    return ok(c, { items, counts: await countWriteBacks(sql, tenantId, query.ace_id), next_cursor: next })
  })
  .openapi(approveRoute, async (c) => {
    const { write_ids } = c.req.valid('json')
    const principal = c.get('principal')
    const tenantId = c.get('tenantId')
    const approved = await approveWriteBacks(c.get('sql'), {
      tenantId,
      writeIds: write_ids,
      approver: principal.name,
      approverKeyId: principal.keyId,
    })
    const job =
      approved.length > 0
        ? (
            await enqueueJob(c.get('sql'), {
              tenantId,
              kind: 'write-back',
              payload: { plan: false },
              reuseActive: true,
              requestedBy: principal.name,
            })
          ).job
        : null
    const done = new Set(approved)
    return ok(c, {
      approved,
      not_approved: write_ids.filter((id) => !done.has(id)),
      job: job ? jobToApi(job) : null,
    })
  })
