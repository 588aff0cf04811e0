// Ruleset shapes in the API contract: a published version (or the unpublished tenant file), the list
// of versions, the difference between two, and a simulation report.
import { z } from '@hono/zod-openapi'
import { outcomeSchema } from './decision.ts'

const parameterValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.number()),
  z.array(z.string()),
  z.array(z.boolean()),
])

const explanation = z.union([
  z.string(),
  z.object({ pass: z.string().optional(), fail: z.string().optional(), review: z.string().optional() }),
])

export const ruleDefinitionSchema = z
  .object({
    id: z.string(),
    description: z.string(),
    severity: z.enum(['critical', 'review']),
    enabled: z.boolean(),
    requires: z.array(z.string()),
    review_if: z.string().nullable(),
    pass: z.string(),
    fail: z.string().nullable(),
    explanation,
    facts: z.array(z.string()).nullable(),
  })
  .openapi('RuleDefinition')

export const rulesetContentSchema = z
  .object({
    ruleset: z.string(),
    description: z.string(),
    parameters: z.record(z.string(), parameterValue),
    rules: z.array(ruleDefinitionSchema),
  })
  .openapi('RulesetContent')

export const rulesetConfigSchema = z
  .object({
    ruleset: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "null: not published yet (the tenant's file)" }),
    content_hash: z.string(),
    author: z.string().nullable(),
    published_at: z.string().nullable(),
    yaml: z.string().openapi({ description: "this ruleset's own YAML" }),
    source: z.record(z.string(), z.string()).openapi({ description: 'YAML of every file it resolves from' }),
    content: rulesetContentSchema,
  })
  .openapi('RulesetConfig')

export const rulesetVersionSummarySchema = z
  .object({
    ruleset: z.string(),
    version: z.number().int(),
    content_hash: z.string(),
    author: z.string(),
    published_at: z.string(),
    rules: z.array(z.string()),
    files: z.array(z.string()),
  })
  .openapi('RulesetVersionSummary')

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })

export const rulesetDiffSchema = z
  .object({
    identical: z.boolean(),
    description: z.object({ before: z.string(), after: z.string() }).nullable(),
    rules_added: z.array(z.string()),
    rules_removed: z.array(z.string()),
    rules_changed: z.array(z.object({ id: z.string(), changes: z.array(fieldChange) })),
    rule_order: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
    parameters_added: z.array(z.object({ name: z.string(), value: parameterValue })),
    parameters_removed: z.array(z.object({ name: z.string(), value: parameterValue })),
    parameters_changed: z.array(
      z.object({ name: z.string(), before: parameterValue, after: parameterValue }),
    ),
  })
  .openapi('RulesetDiff')

const counts = z.object({ auto_approve: z.number(), needs_review: z.number(), auto_reject: z.number() })
const ruleResult = z.enum(['pass', 'fail', 'review', 'not_evaluated', 'disabled']).nullable()

export const simulationReportSchema = z
  .object({
    as_of: z.string(),
    current: z.object({
      ruleset: z.string(),
      version: z.number().int().nullable(),
      content_hash: z.string(),
    }),
    candidate: z.object({ ruleset: z.string(), content_hash: z.string() }),
    diff: rulesetDiffSchema,
    evaluated: z.number().int(),
    counts: z.object({ current: counts, candidate: counts }),
    rules_changed_only: z
      .number()
      .int()
      .openapi({ description: 'opportunities whose rule results change but not their outcome' }),
    changes: z.array(
      z.object({
        ace_id: z.string(),
        customer_name: z.string().nullable(),
        decision_id: z
          .string()
          .nullable()
          .openapi({ description: "the opportunity's current decision; null when it has none yet" }),
        before: outcomeSchema,
        after: outcomeSchema,
        rules: z.array(z.object({ rule_id: z.string(), before: ruleResult, after: ruleResult })),
      }),
    ),
  })
  .openapi('SimulationReport')

export const rulesetTextSchema = z
  .object({
    yaml: z.string().min(1, 'the ruleset YAML is required').max(200_000),
  })
  .openapi('RulesetText')
