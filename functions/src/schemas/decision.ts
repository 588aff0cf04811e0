// Decision shapes in the API contract: the review queue's rows, one decision with its rule trace, the
// reviews of a decision, and the audit log.
import { z } from '@hono/zod-openapi'
import { outcomeSchema } from './enumerations.ts'
import { matchSchema } from './match.ts'

export { outcomeSchema } from './enumerations.ts'

export const decisionReviewSchema = z
  .object({
    review_id: z.string(),
    decision_id: z.string(),
    ace_id: z.string(),
    action: z.enum(['approve', 'reject']),
    note: z.string(),
    reviewer: z.string().openapi({ description: 'the API key (its name) that reviewed' }),
    reviewer_display_name: z.string().nullable().openapi({ description: 'the name the reviewer gave' }),
    supersedes_review_id: z.string().nullable().openapi({ description: 'the earlier verdict this replaced' }),
    created_at: z.string(),
  })
  .openapi('DecisionReview')

export const bestMatchSchema = z
  .object({
    candidate_id: z.string(),
    odoo_lead_id: z.string(),
    odoo_title: z.string().nullable(),
    odoo_customer_name: z.string().nullable(),
    probability: z.number(),
    band: z.string(),
    review: z
      .enum(['confirm', 'reject'])
      .nullable()
      .openapi({ description: "a reviewer's newest word on it" }),
  })
  .openapi('BestMatch')

export const decisionSummarySchema = z
  .object({
    decision_id: z.string(),
    ace_id: z.string(),
    customer_name: z.string().nullable(),
    outcome: outcomeSchema,
    ruleset: z.string(),
    ruleset_version: z.number().int(),
    content_hash: z.string(),
    as_of: z.string().openapi({ description: 'the evaluation date (YYYY-MM-DD)' }),
    evaluated_at: z.string(),
    failed_rules: z.array(z.string()),
    review_rules: z.array(z.string()),
    not_evaluated_rules: z.array(z.string()),
    review: z
      .object({
        action: z.enum(['approve', 'reject']),
        reviewer: z.string(),
        note: z.string(),
        at: z.string(),
      })
      .nullable()
      .openapi({ description: "the newest reviewer's approval or rejection" }),
    etag: z.string().openapi({ description: 'the review state; send it as If-Match with approve or reject' }),
    title: z.string().nullable(),
    stage: z.string().nullable(),
    opportunity_ownership: z.string().nullable(),
    target_close_date: z.string().nullable(),
    expected_monthly_spend: z
      .number()
      .nullable()
      .openapi({ description: 'USD per month (ACE project budget)' }),
    aws_account_id: z.string().nullable(),
    best_match: z.union([bestMatchSchema, z.null()]),
  })
  .openapi('DecisionSummary')

export const ruleTraceSchema = z
  .object({
    rule_id: z.string(),
    description: z.string(),
    severity: z.enum(['critical', 'review']),
    result: z.enum(['pass', 'fail', 'review', 'not_evaluated', 'disabled']),
    inputs: z.record(z.string(), z.unknown()).openapi({ description: 'fact path → the value used' }),
    explanation: z
      .string()
      .openapi({ description: 'the rule explained in plain language with those values' }),
    missing: z.array(z.string()).openapi({ description: 'facts that were unavailable (not_evaluated)' }),
    error: z.string().optional(),
  })
  .openapi('RuleTrace')

export const decisionDetailSchema = decisionSummarySchema
  .extend({
    is_current: z.boolean(),
    current_decision_id: z.string(),
    rules: z.array(ruleTraceSchema),
    facts: z.record(z.string(), z.unknown()).openapi({ description: 'every fact the rules could use' }),
    match: z
      .union([matchSchema, z.null()])
      .openapi({ description: 'the candidate the match facts came from' }),
    reviews: z.array(decisionReviewSchema).openapi({
      description: 'the 20 latest reviews, newest first (every review is in the history)',
    }),
    reviews_total: z.number().int().openapi({ description: 'how many times the decision was reviewed' }),
    run_id: z.string(),
    job_id: z.string().nullable(),
    actor: z.string(),
  })
  .openapi('DecisionDetail')

export const auditEventSchema = z
  .object({
    event_id: z.string(),
    at: z.string(),
    actor: z.string().openapi({ description: 'the API key (its name) that acted, or system' }),
    actor_key_id: z.string().nullable(),
    actor_display_name: z.string().nullable().openapi({ description: 'the name the person gave, if any' }),
    action: z.string().openapi({ example: 'decision.approved' }),
    subject_type: z.string().openapi({ example: 'ace_opportunity' }),
    subject_id: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent')

export const historyEntrySchema = z
  .object({
    at: z.string(),
    action: z.string().openapi({ description: '`decision.evaluated` or an audit action' }),
    actor: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('HistoryEntry')

export const reviewNoteSchema = z
  .object({
    note: z.string().trim().min(1, 'a note saying why is required').max(2000),
    reviewer: z.string().trim().min(1).max(200).optional().openapi({
      description: 'a display name kept beside the API key, which is the actor',
    }),
  })
  .openapi('DecisionReviewRequest')
