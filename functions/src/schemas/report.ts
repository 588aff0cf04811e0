// A kept POD report as the API lists it (its summary; the CSV and HTML are read one at a time).
import { z } from '@hono/zod-openapi'

const money = z.string().openapi({ description: 'USD, an exact decimal string', example: '12500.00' })
const month = z.string().openapi({ example: '2026-10' })

export const reportSummarySchema = z
  .object({
    kind: z.literal('pod_monthly'),
    period: month,
    as_of: z.string(),
    counts: z.object({
      total: z.number().int(),
      approved: z.number().int(),
      approved_by_rules: z.number().int(),
      approved_by_person: z.number().int(),
      in_review: z.number().int(),
      rejected: z.number().int(),
      rejected_by_rules: z.number().int(),
      rejected_by_person: z.number().int(),
    }),
    monthly_spend_at_stake: z.object({
      currency: z.literal('USD'),
      approved: money,
      in_review: money,
      without_spend: z.number().int().openapi({ description: 'approved or in review without an ACE budget' }),
    }),
    spend_checks: z.object({
      below: z.number().int(),
      at_or_above: z.number().int(),
      not_checked: z.number().int(),
    }),
    spend_thresholds: z
      .record(z.string(), z.number().nullable())
      .openapi({ description: 'the spend_threshold of each ruleset version that decided, by `ruleset vN`' }),
    changes: z
      .number()
      .int()
      .openapi({ description: 'opportunities whose standing, decision or link changed' }),
    previous_report: z
      .object({ report_id: z.string(), period: month, as_of: z.string() })
      .nullable()
      .openapi({ description: 'the report the changes are counted against (the latest earlier period)' }),
  })
  .openapi('ReportSummary')

export const reportSchema = z
  .object({
    report_id: z.string(),
    kind: z.literal('pod_monthly'),
    period: month,
    as_of: z
      .string()
      .openapi({ description: 'the day the report reads the decisions as of', example: '2026-11-01' }),
    job_id: z.string().nullable(),
    requested_by: z
      .string()
      .openapi({ description: 'the API key (its name) that asked, or schedule:<name>' }),
    created_at: z.string(),
    summary: reportSummarySchema,
  })
  .openapi('Report')
