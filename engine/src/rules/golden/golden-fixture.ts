// The golden test fixture format: per file a ruleset and (usually) the rule under test, then cases of
// partial facts in and expected results out. Fact names are checked against the catalogue, so a typo
// in a fixture is an error naming its line rather than a case that silently tests the defaults.
import { z } from 'zod'
import { findFact } from '../fact-catalog.ts'
import { rulesetNameSchema } from '../ruleset-schema.ts'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
const ruleId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a rule id')
const ruleResult = z.enum(['pass', 'fail', 'review', 'not_evaluated', 'disabled'])
const outcome = z.enum(['auto_approve', 'needs_review', 'auto_reject'])

const partialFacts = z
  .record(z.string(), z.union([z.record(z.string(), z.unknown()), z.null()]))
  .superRefine((facts, context) => {
    for (const [group, fields] of Object.entries(facts)) {
      if (!findFact(group)) {
        context.addIssue({ code: 'custom', path: [group], message: `unknown fact group ${group}` })
        continue
      }
      for (const field of Object.keys(fields ?? {})) {
        if (!findFact(`${group}.${field}`)) {
          context.addIssue({
            code: 'custom',
            path: [group, field],
            message: `unknown fact ${group}.${field}`,
          })
        }
      }
    }
  })

const expectation = z
  .strictObject({
    /** Result of the rule under test. */
    result: ruleResult.optional(),
    /** Results of other rules, by id. */
    results: z.record(ruleId, ruleResult).optional(),
    outcome: outcome.optional(),
    /** Text the rule under test's explanation must contain. */
    explanation_contains: z.union([z.string(), z.array(z.string())]).optional(),
    /** Text it must not contain. */
    explanation_excludes: z.union([z.string(), z.array(z.string())]).optional(),
    /** Exactly the facts the rule under test names as missing. */
    missing: z.array(z.string()).optional(),
    /** Values the rule under test shows as inputs (fact path → value). */
    inputs: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((expect) => Object.keys(expect).length > 0, 'expects nothing')

export const goldenCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** The as-of date D; the file's unless told. */
  as_of: date.optional(),
  /** The rule under test; the file's unless told. */
  rule: ruleId.optional(),
  /** Merged over the default fact set (an opportunity every default rule approves). */
  facts: partialFacts.default({}),
  expect: expectation,
})

export const goldenFixtureSchema = z.strictObject({
  description: z.string().optional(),
  /** The ruleset the cases run against (a file in the rules folder). */
  ruleset: rulesetNameSchema.default('pod'),
  rule: ruleId.optional(),
  as_of: date.optional(),
  cases: z.array(goldenCaseSchema).min(1),
})
export type GoldenFixture = z.infer<typeof goldenFixtureSchema>
export type GoldenCase = z.infer<typeof goldenCaseSchema>
