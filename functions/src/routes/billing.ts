// GET /api/v1/billing/…: the Cost Explorer. What can be selected (accounts), and AWS cost against what
// customers were invoiced as totals (summary), per period (timeseries) and per group (breakdown); each
// figure route also answers `format=csv` with the same rows.
import { createRoute, z } from '@hono/zod-openapi'
import {
  BILLING_GROUPS,
  BREAKDOWN_SORTS,
  breakdownCsv,
  GRANULARITIES,
  readBillingAccounts,
  readBillingBreakdown,
  readBillingSummary,
  readBillingTimeseries,
  summaryCsv,
  timeseriesCsv,
} from '@revops/engine/billing'
import type { Context } from 'hono'
import type { AppEnv } from '../app-context.ts'
import { envelope, errorResponses, ok } from '../http/envelope.ts'
import { createRouter } from '../http/router.ts'
import {
  billingAccountsSchema,
  billingBreakdownSchema,
  billingQuerySchema,
  billingSummarySchema,
  billingTimeseriesSchema,
} from '../schemas/billing.ts'
import { intParam } from '../schemas/params.ts'

const csvContent = { 'text/csv': { schema: z.string().openapi({ description: 'with format=csv' }) } }

function figuresRoute<Q extends z.ZodObject, S extends z.ZodType>(
  path: string,
  summary: string,
  query: Q,
  schema: S,
) {
  return createRoute({
    method: 'get',
    path,
    tags: ['Billing'],
    summary,
    request: { query },
    responses: {
      200: {
        description: 'The figures (JSON), or the same rows as CSV with format=csv',
        content: { 'application/json': { schema: envelope(schema) }, ...csvContent },
      },
      ...errorResponses(400, 401),
    },
  })
}

const accountsRoute = createRoute({
  method: 'get',
  path: '/billing/accounts',
  tags: ['Billing'],
  summary: 'Customers → payer accounts → linked accounts, and the payer accounts (searchable)',
  request: {
    query: z.object({
      q: z.string().min(1).max(200).optional().openapi({
        description: 'Words of a customer or account name or alias, or digits of an AWS account number',
      }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(100)
        .openapi({ description: 'customers per page' }),
      offset: intParam({ min: 0 }).default(0),
    }),
  },
  responses: {
    200: {
      description: 'The selectable hierarchy',
      content: { 'application/json': { schema: envelope(billingAccountsSchema) } },
    },
    ...errorResponses(400, 401),
  },
})

const summaryRoute = figuresRoute(
  '/billing/summary',
  'Totals for the selection and period: cost, invoice, margin, restated months, the cost taken apart',
  billingQuerySchema,
  billingSummarySchema,
)

const timeseriesRoute = figuresRoute(
  '/billing/timeseries',
  'Cost, invoice and margin per month, quarter or year, optionally split by a group',
  billingQuerySchema.extend({
    granularity: z.enum(GRANULARITIES).default('month'),
    split_by: z
      .enum(BILLING_GROUPS)
      .optional()
      .openapi({ description: 'one series per group (largest first)' }),
    limit: intParam({ min: 1, max: 50 }).default(10).openapi({
      description: 'series kept when split; the rest are summed as `other`',
    }),
  }),
  billingTimeseriesSchema,
)

const breakdownRoute = figuresRoute(
  '/billing/breakdown',
  'Cost, invoice and margin per account, customer, payer, service or product, sorted and limited',
  billingQuerySchema.extend({
    group_by: z.enum(BILLING_GROUPS),
    sort: z.enum(BREAKDOWN_SORTS).optional().openapi({ description: 'default: cost (invoice for products)' }),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: intParam({ min: 1, max: 500 }).default(25).openapi({
      description: 'groups returned; the rest are summed as `other`',
    }),
  }),
  billingBreakdownSchema,
)

type BillingQuery = z.infer<typeof billingQuerySchema>

function queryInput(c: Context<AppEnv>, query: BillingQuery) {
  return {
    tenantId: c.get('tenantId'),
    from: query.from,
    to: query.to,
    basis: query.basis,
    invoiceBasis: query.invoice_basis,
    filters: {
      accounts: query.accounts,
      payers: query.payers,
      customers: query.customers,
      services: query.services,
      products: query.products,
    },
  }
}

/** The view's answer, from the app's billing answers while the tenant's figures are unchanged. */
function answer<T>(c: Context<AppEnv>, view: string, input: object, compute: () => Promise<T>): Promise<T> {
  const answers = c.get('deps').billingAnswers
  return answers ? answers.get(c.get('billingStamp'), c.get('tenantId'), view, input, compute) : compute()
}

function csv(c: Context<AppEnv>, name: string, period: { from: string; to: string }, body: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}_${period.from}_${period.to}.csv"`,
  })
}

export const billingRoutes = createRouter()
  .openapi(accountsRoute, async (c) => {
    const query = c.req.valid('query')
    return ok(c, await readBillingAccounts(c.get('sql'), { tenantId: c.get('tenantId'), ...query }))
  })
  .openapi(summaryRoute, async (c) => {
    const query = c.req.valid('query')
    const input = queryInput(c, query)
    const summary = await answer(c, 'summary', input, () => readBillingSummary(c.get('sql'), input))
    if (query.format === 'csv') return csv(c, 'billing-summary', summary.context.period, summaryCsv(summary))
    return ok(c, summary)
  })
  .openapi(timeseriesRoute, async (c) => {
    const query = c.req.valid('query')
    const input = {
      ...queryInput(c, query),
      granularity: query.granularity,
      splitBy: query.split_by ?? null,
      limit: query.limit,
    }
    const series = await answer(c, 'timeseries', input, () => readBillingTimeseries(c.get('sql'), input))
    if (query.format === 'csv')
      return csv(c, 'billing-timeseries', series.context.period, timeseriesCsv(series))
    return ok(c, series)
  })
  .openapi(breakdownRoute, async (c) => {
    const query = c.req.valid('query')
    const input = {
      ...queryInput(c, query),
      groupBy: query.group_by,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
    }
    const breakdown = await answer(c, 'breakdown', input, () => readBillingBreakdown(c.get('sql'), input))
    if (query.format === 'csv')
      return csv(c, `billing-by-${query.group_by}`, breakdown.context.period, breakdownCsv(breakdown))
    return ok(c, breakdown)
  })
