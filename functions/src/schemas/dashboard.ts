// Dashboard shapes in the API contract.
import { z } from '@hono/zod-openapi'

import { outcomeSchema } from './enumerations.ts'

const spendBucketSchema = z.object({
  count: z.number().int(),
  without_spend: z.number().int().openapi({ description: 'counted opportunities without an expected spend' }),
  monthly_spend: z
    .string()
    .openapi({ description: 'Decimal string (exact), per month', example: '12500.00' }),
})

export const dashboardSchema = z
  .object({
    generated_at: z.string(),
    opportunities: z.object({
      ace: z.number().int(),
      odoo: z.number().int(),
      by_source_stage: z.array(
        z.object({ source: z.enum(['ace', 'odoo']), stage: z.string().nullable(), count: z.number().int() }),
      ),
    }),
    decisions: z.object({
      total: z.number().int(),
      by_outcome: z.array(
        z.object({
          outcome: outcomeSchema,
          count: z.number().int(),
          approved: z.number().int().openapi({ description: 'of those, approved by a reviewer' }),
          rejected: z.number().int().openapi({ description: 'of those, rejected by a reviewer' }),
        }),
      ),
      over_time: z
        .array(
          z.object({
            day: z.string().openapi({ format: 'date' }),
            auto_approve: z.number().int(),
            needs_review: z.number().int(),
            auto_reject: z.number().int(),
          }),
        )
        .openapi({ description: 'The outcome of the decision current at the end of each day (UTC)' }),
    }),
    value_at_stake: z
      .object({
        currency: z.literal('USD'),
        approved: spendBucketSchema,
        in_review: spendBucketSchema,
      })
      .openapi({
        description:
          'Expected monthly AWS spend (ACE project budget) of opportunities standing approved (automatically or by a reviewer) and waiting for review',
      }),
    match_quality: z.object({
      ace_total: z.number().int(),
      auto_linked: z.number().int(),
      in_review: z.number().int(),
      unmatched: z.number().int().openapi({ description: 'no link, or only one below the review threshold' }),
      confirmed: z.number().int().openapi({ description: 'links a reviewer confirmed' }),
    }),
    data_quality: z.object({
      open: z.number().int(),
      groups: z.array(
        z.object({
          kind: z.string(),
          severity: z.enum(['info', 'warning', 'error']),
          source: z.string(),
          table: z.string(),
          count: z.number().int(),
          last_detected_at: z.string(),
        }),
      ),
    }),
    syncs: z.array(
      z.object({
        sync_id: z.string(),
        status: z.enum(['running', 'succeeded', 'partial', 'failed']),
        mode: z.enum(['incremental', 'full']),
        sources: z.array(z.string()),
        started_at: z.string(),
        finished_at: z.string().nullable(),
        error: z.string().nullable(),
        tables: z.number().int(),
        rows_read: z.number().int(),
        rows_changed: z.number().int(),
      }),
    ),
  })
  .openapi('Dashboard')
