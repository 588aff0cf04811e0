// The monthly POD reports: the kept reports (newest first, their summaries), one now (queues the `report`
// job; the worker makes and keeps it), and each report's CSV and printable HTML page.
import { createRoute, z } from '@hono/zod-openapi'
import { enqueueJob } from '@revops/engine/ops'
import {
  defaultPeriod,
  listReports,
  PERIOD_PATTERN,
  readReportFile,
  reportAsOf,
} from '@revops/engine/reports'
import { todayIso } from '@revops/engine/shared'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { hasJson } from '../http/json-body.ts'
import { createRouter } from '../http/router.ts'
import { jobSchema } from '../schemas/job.ts'
import { intParam } from '../schemas/params.ts'
import { reportSchema } from '../schemas/report.ts'
import { jobToApi } from '../schemas/to-api.ts'

const tags = ['Reports']
const reportId = z
  .string()
  .regex(/^\d{1,18}$/, 'expected a report id')
  .openapi({ param: { name: 'id', in: 'path' }, example: '12' })

const listRoute = createRoute({
  method: 'get',
  path: '/reports',
  tags,
  summary: 'The kept POD reports, newest first (summaries; the CSV and HTML are read one by one)',
  request: {
    query: z.object({
      limit: intParam({ min: 1, max: 200 }).default(50),
      cursor: z
        .string()
        .regex(/^\d{1,18}$/, 'expected a report id')
        .optional()
        .openapi({ description: 'next_cursor of the previous page' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of reports',
      content: {
        'application/json': {
          schema: envelope(z.object({ items: z.array(reportSchema), next_cursor: z.string().nullable() })),
        },
      },
    },
    ...errorResponses(400, 401),
  },
})

const makeRoute = createRoute({
  method: 'post',
  path: '/reports',
  tags,
  summary: 'Make a POD report now: queues the report job (a period made again is a new report)',
  description:
    'Without `period`, the month of yesterday (on the 1st, the month that just ended; later, the running month). A past month reads the decisions as they stood on the first day after it. Returns the job (202; 200 when the same job is already queued or running).',
  request: {
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .strictObject({
              period: z
                .string()
                .regex(PERIOD_PATTERN, 'expected a month as YYYY-MM')
                .optional()
                .openapi({ example: '2026-10' }),
            })
            .openapi('MakeReportRequest'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The same job, already queued',
      content: { 'application/json': { schema: envelope(jobSchema) } },
    },
    202: { description: 'Queued', content: { 'application/json': { schema: envelope(jobSchema) } } },
    ...errorResponses(400, 401),
  },
})

const fileRoute = (format: 'csv' | 'html') =>
  createRoute({
    method: 'get',
    path: `/reports/{id}/${format}`,
    tags,
    summary:
      format === 'csv'
        ? 'A report as CSV: one row per ACE opportunity, its reasons, spend, link and change'
        : 'A report as one printable HTML page (self-contained: nothing is fetched)',
    request: { params: z.object({ id: reportId }) },
    responses: {
      200: {
        description: format === 'csv' ? 'The CSV, as an attachment named after its period' : 'The page',
        content: { [format === 'csv' ? 'text/csv' : 'text/html']: { schema: z.string() } },
      },
      ...errorResponses(400, 401, 404),
    },
  })

export const reportRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query')
    const items = await listReports(c.get('sql'), c.get('tenantId'), {
      limit: query.limit,
      before: query.cursor,
    })
    const next = items.length === query.limit ? (items.at(-1)?.report_id ?? null) : null
    c.header('cache-control', 'no-store')
    return ok(c, { items, next_cursor: next })
  })
  .openapi(makeRoute, async (c) => {
    const body = hasJson(c) ? c.req.valid('json') : {}
    // Fixed now, so the report is of the day it was asked for, whenever the worker takes it.
    const asOf = todayIso()
    const period = body.period ?? defaultPeriod(asOf)
    reportAsOf(period, asOf) // a month that has not started is refused now, not by a job that fails later
    const { job, created } = await enqueueJob(c.get('sql'), {
      tenantId: c.get('tenantId'),
      kind: 'report',
      payload: { period, asOf },
      reuseActive: true,
    })
    return created ? ok(c, jobToApi(job), 202) : ok(c, jobToApi(job), 200)
  })
  .openapi(fileRoute('csv'), async (c) => {
    const file = await readReportFile(c.get('sql'), c.get('tenantId'), c.req.valid('param').id, 'csv')
    return c.body(file.body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="pod-report_${file.period}.csv"`,
      'cache-control': 'private, no-store',
    })
  })
  .openapi(fileRoute('html'), async (c) => {
    const file = await readReportFile(c.get('sql'), c.get('tenantId'), c.req.valid('param').id, 'html')
    return c.body(file.body, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `inline; filename="pod-report_${file.period}.html"`,
      // The page is self-contained: it may fetch nothing and run nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    })
  })
