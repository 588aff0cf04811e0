// Opportunity shapes in the API contract.
import { z } from '@hono/zod-openapi'

export const opportunitySummarySchema = z
  .object({
    id: z.string().openapi({
      example: 'ace:O1234567',
      description: 'System-prefixed id: ace:<ACE id> or odoo:<crm_lead.id>',
    }),
    source: z.enum(['ace', 'odoo']),
    source_id: z.string(),
    customer_name: z.string().nullable(),
    title: z.string().nullable(),
    stage: z.string().nullable(),
    status: z.string().nullable(),
    close_date: z.string().nullable().openapi({ format: 'date' }),
    amount: z
      .string()
      .nullable()
      .openapi({ description: 'Decimal string (exact); monthly for ACE, total for Odoo' }),
    amount_period: z.enum(['monthly', 'total']),
    aws_account_id: z.string().nullable(),
    domain: z.string().nullable(),
    origin: z.string().nullable().openapi({ description: 'ACE ownership or Odoo origination' }),
    owner: z.string().nullable(),
    country_code: z.string().nullable(),
    state_code: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi('OpportunitySummary')

export const opportunityDetailSchema = opportunitySummarySchema
  .extend({
    fields: z.record(z.string(), z.unknown()).openapi({ description: 'Every normalised CORE field' }),
    raw: z.object({ source: z.string(), table: z.string(), pk: z.string() }),
  })
  .openapi('OpportunityDetail')

export const opportunityPageSchema = z
  .object({
    items: z.array(opportunitySummarySchema),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  })
  .openapi('OpportunityPage')
