// The schema of a ruleset file (what people write) and of a resolved ruleset (what is hashed, published
// and compiled). Unknown keys are errors: a misspelt `sevrity` must not silently become a default.
import { z } from 'zod'

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case')

/** What a ruleset name looks like (the API's contract builds its own schema from these). */
export const RULESET_NAME = {
  pattern: /^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/,
  maxLength: 64,
  message: 'must be lower-case letters, digits, _ or - (e.g. pod-acme), at most 64 characters',
} as const

/** A ruleset's name is its file name without `.yaml`: letters, digits, `_`, `-`, dot-separated parts. */
export const rulesetNameSchema = z
  .string()
  .max(RULESET_NAME.maxLength, RULESET_NAME.message)
  .regex(RULESET_NAME.pattern, RULESET_NAME.message)

const expression = z.string().trim().min(1, 'must be a CEL expression')
const factPath = z.string().regex(/^[a-z_]+(?:\.[a-z0-9_]+)?$/, 'must be a fact path like spend.amount')
const template = z.string().trim().min(1, 'must be a text')

export const parameterValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.number()),
  z.array(z.string()),
  z.array(z.boolean()),
])

/** A text for every result, or one per result (`pass`, `fail`, `review`). */
export const explanationSchema = z.union([
  template,
  z
    .strictObject({ pass: template.optional(), fail: template.optional(), review: template.optional() })
    .refine((texts) => Object.keys(texts).length > 0, 'needs a text for pass, fail or review'),
])

export const severitySchema = z.enum(['critical', 'review'])

const ruleFields = {
  description: z.string().trim().min(1),
  severity: severitySchema,
  enabled: z.boolean(),
  /** Facts that must be non-null; otherwise the rule is `not_evaluated`, naming them. */
  requires: z.array(factPath),
  /** When true the result is `review` (checked before fail and pass). */
  review_if: expression,
  /** When true the result is `pass`. */
  pass: expression,
  /** When true the result is `fail`; when absent, not passing means fail, otherwise review. */
  fail: expression,
  explanation: explanationSchema,
  /** Facts shown as the rule's inputs; by default those its expressions and texts reference. */
  facts: z.array(factPath),
}

export const ruleSchema = z.strictObject({
  id: identifier,
  description: ruleFields.description,
  severity: ruleFields.severity,
  enabled: ruleFields.enabled.default(true),
  requires: ruleFields.requires.default([]),
  review_if: ruleFields.review_if.optional(),
  pass: ruleFields.pass,
  fail: ruleFields.fail.optional(),
  explanation: ruleFields.explanation,
  facts: ruleFields.facts.optional(),
})

/** Any subset of a rule's fields; null removes an optional one (`review_if`, `fail`, `facts`). */
export const ruleOverrideSchema = z.strictObject({
  description: ruleFields.description.optional(),
  severity: ruleFields.severity.optional(),
  enabled: ruleFields.enabled.optional(),
  requires: ruleFields.requires.optional(),
  review_if: ruleFields.review_if.nullable().optional(),
  pass: ruleFields.pass.optional(),
  fail: ruleFields.fail.nullable().optional(),
  explanation: ruleFields.explanation.optional(),
  facts: ruleFields.facts.nullable().optional(),
})

export const rulesetFileSchema = z.strictObject({
  ruleset: rulesetNameSchema,
  description: z.string().trim().min(1),
  /** Another ruleset in the same folder whose parameters and rules this one starts from. */
  extends: rulesetNameSchema.optional(),
  /** New parameters (an extended ruleset's are changed under overrides.parameters). */
  parameters: z.record(identifier, parameterValueSchema).default({}),
  /** New rules, evaluated after the extended ruleset's. */
  rules: z.array(ruleSchema).default([]),
  overrides: z
    .strictObject({
      parameters: z.record(identifier, parameterValueSchema).default({}),
      rules: z.record(identifier, ruleOverrideSchema).default({}),
    })
    .optional(),
})
export type RulesetFile = z.infer<typeof rulesetFileSchema>
export type RuleOverride = z.infer<typeof ruleOverrideSchema>

/** A rule with every field explicit (absent optional fields are null), as hashed and published. */
export const ruleDefinitionSchema = z.strictObject({
  id: identifier,
  description: ruleFields.description,
  severity: ruleFields.severity,
  enabled: ruleFields.enabled,
  requires: ruleFields.requires,
  review_if: ruleFields.review_if.nullable(),
  pass: ruleFields.pass,
  fail: ruleFields.fail.nullable(),
  explanation: ruleFields.explanation,
  facts: ruleFields.facts.nullable(),
})
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>
export type Severity = z.infer<typeof severitySchema>
export type Explanation = z.infer<typeof explanationSchema>

/** The resolved ruleset: extends and overrides applied. This is what a published version stores. */
export const rulesetContentSchema = z.strictObject({
  ruleset: rulesetNameSchema,
  description: z.string(),
  parameters: z.record(identifier, parameterValueSchema),
  rules: z.array(ruleDefinitionSchema),
})
export type RulesetContent = z.infer<typeof rulesetContentSchema>
