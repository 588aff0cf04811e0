// The Cost Explorer contract: query parameters shared by the billing routes and the response shapes.
// Money is a decimal string (exact), always with the currency and the bases it was computed on.
import { z } from '@hono/zod-openapi'
import { BILLING_GROUPS, COST_BASES, GRANULARITIES, INVOICE_BASES } from '@revops/engine/billing'

const money = z.string().openapi({ example: '12345.678901', description: 'decimal string, exact' })
const nullableMoney = money.nullable()
const period = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'expected YYYY-MM, YYYY-Qn or YYYY')

/** A comma-separated list (repeat-free), each value checked by `item`. */
function list(item: z.ZodString, description: string, max = 1000) {
  return z
    .string()
    .max(40_000)
    .transform((value) =>
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, 'expected at least one value').max(max))
    .optional()
    .openapi({ type: 'string', description })
}

const accountId = z.string().regex(/^\d{1,12}$/, 'expected an account ref or a 12-digit AWS account number')
const numericId = z.string().regex(/^\d{1,18}$/, 'expected a numeric id')

/** Selection, period and bases: every billing figure route takes these. */
export const billingQuerySchema = z.object({
  from: period.optional().openapi({
    description: 'First period: YYYY-MM, YYYY-Qn (its first month) or YYYY; default: 11 months before `to`',
    example: '2025-01',
  }),
  to: period.optional().openapi({
    description: 'Last period (its last month); default: the latest month with AWS cost',
    example: '2025-12',
  }),
  basis: z.enum(COST_BASES).default('net').openapi({
    description:
      'Cost basis. gross: everything but credits, refunds and discounts; net: gross + credits + refunds; net_of_discounts: net − the SPP and distributor discounts AWS paid (statements)',
  }),
  invoice_basis: z.enum(INVOICE_BASES).default('invoice').openapi({
    description:
      'invoice: posted final invoices (per customer only); bill: staging bills (per AWS account and customer)',
  }),
  accounts: list(accountId, 'Accounts: refs or 12-digit AWS account numbers, comma-separated'),
  payers: list(accountId, 'Payer accounts (refs or numbers): each with every account it pays for'),
  customers: list(numericId, 'Customer company ids, comma-separated'),
  services: list(z.string().min(1).max(200), 'AWS services, comma-separated, any common spelling', 100),
  products: list(numericId, 'Product ids (invoice and bill lines), comma-separated'),
  format: z.enum(['json', 'csv']).default('json').openapi({
    description: 'csv: the same rows as text/csv, with currency and bases on every row',
  }),
})

const figures = {
  cost: nullableMoney.openapi({ description: 'AWS cost in `basis`; null: the view has no cost side' }),
  invoice: nullableMoney.openapi({
    description: 'Invoiced (or billed); null: not attributable in this view',
  }),
  margin: nullableMoney.openapi({ description: 'invoice − cost' }),
  margin_pct: z.number().nullable().openapi({ description: 'margin ÷ invoice × 100; null when invoice ≤ 0' }),
  negative: z.boolean().openapi({ description: 'margin < 0' }),
  restated: z.boolean().openapi({ description: 'includes cost rows written after the month was invoiced' }),
  restated_months: z.number().int(),
  restated_cost: nullableMoney.openapi({ description: 'cost (in `basis`) of those rows' }),
  components: z.object({
    gross: money,
    credits: money,
    refunds: money,
    partner_discounts: money.openapi({ description: 'positive: paid to the partner' }),
  }),
}
export const billingFiguresSchema = z.object(figures).openapi('BillingFigures')

const attribution = z.object({
  cost: z.enum(['account', 'unavailable']),
  invoice: z.enum(['account', 'customer', 'unavailable']),
})

export const billingContextSchema = z
  .object({
    currency: z.string().openapi({ example: 'USD' }),
    period: z.object({ from: z.string(), to: z.string() }),
    basis: z.enum(COST_BASES),
    basis_description: z.string(),
    invoice_basis: z.enum(INVOICE_BASES),
    invoice_basis_description: z.string(),
    attribution,
    filters: z.object({
      accounts: z.array(z.string()),
      payers: z.array(z.string()),
      customers: z.array(z.string()),
      services: z.array(z.string()),
      products: z.array(z.string()),
    }),
    notes: z.array(z.string()),
    invoiced_through: z.string().nullable().openapi({
      description:
        'The last month with charges in the invoice basis (YYYY-MM). Later months are not invoiced yet; the default range ends here.',
    }),
    freshness: z.object({
      refreshed_at: z.string().nullable(),
      pending_months: z.array(z.string()),
    }),
  })
  .openapi('BillingContext')

export const billingSummarySchema = z
  .object({
    context: billingContextSchema,
    totals: billingFiguresSchema,
    cost_breakdown: z
      .object(
        Object.fromEntries(
          [
            'usage',
            'ri_fee',
            'savings_plan',
            'fee',
            'tax',
            'other',
            'gross',
            'credits',
            'refunds',
            'net',
            'spp_discounts',
            'distributor_discounts',
            'net_of_discounts',
            'cur_program_discounts',
          ].map((key) => [key, money]),
        ),
      )
      .nullable()
      .openapi({ description: 'The cost taken apart: categories, then each basis' }),
  })
  .openapi('BillingSummary')

const timePoint = z
  .object({ period: z.string(), from: z.string(), to: z.string(), ...figures })
  .openapi('BillingTimePoint')

export const billingTimeseriesSchema = z
  .object({
    context: billingContextSchema,
    granularity: z.enum(GRANULARITIES),
    split_by: z.enum(BILLING_GROUPS).nullable(),
    totals: z.array(timePoint),
    series: z.array(
      z.object({
        key: z.string().nullable(),
        label: z.string(),
        aws_account_id: z.string().nullable(),
        other: z.boolean(),
        points: z.array(timePoint),
      }),
    ),
  })
  .openapi('BillingTimeseries')

export const billingBreakdownSchema = z
  .object({
    context: billingContextSchema,
    group_by: z.enum(BILLING_GROUPS),
    sort: z.string(),
    order: z.enum(['asc', 'desc']),
    limit: z.number().int(),
    groups: z.array(
      z.object({
        rank: z.number().int(),
        key: z.string().nullable(),
        label: z.string(),
        aws_account_id: z.string().nullable(),
        customer_id: z.string().nullable(),
        ...figures,
      }),
    ),
    other: z.object({ ...figures, groups: z.number().int() }).nullable(),
    total: z.object({ ...figures, groups: z.number().int() }),
  })
  .openapi('BillingBreakdown')

const account = z
  .object({
    ref: z.string(),
    aws_account_id: z.string().nullable(),
    aws_account_id_raw: z.string().nullable(),
    aws_account_id_status: z.enum(['valid', 'missing', 'malformed']),
    name: z.string().nullable(),
    alias: z.string().nullable(),
    status: z.string().nullable(),
    is_payer: z.boolean(),
    is_not_billable: z.boolean(),
    payer_ref: z.string().nullable(),
    customer_id: z.string().nullable(),
    first_month: z.string().nullable(),
    last_month: z.string().nullable(),
  })
  .openapi('BillingAccount')

export const billingAccountsSchema = z
  .object({
    customers: z.array(
      z.object({
        id: z.string().nullable(),
        name: z.string(),
        account_count: z.number().int(),
        payers: z.array(z.object({ payer: z.union([account, z.null()]), linked: z.array(account) })),
      }),
    ),
    total_customers: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    payers: z.array(account.extend({ linked_accounts: z.number().int() })),
  })
  .openapi('BillingAccounts')
