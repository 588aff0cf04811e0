// A tenant's matching problem, as configuration: where each side's records come from (SQL over CORE),
// which embeddings to attach, how candidates are found (blocking), how pairs are compared, the bands
// and whether links are one-to-one. Another CRM or another matching problem is a different file.
import { z } from 'zod'
import { comparisonSpecSchema } from './comparison-spec.ts'

const sqlIdentifier = z.string().regex(/^[a-z_][a-z0-9_]*$/)

export const recordSourceSchema = z.object({
  /** Entity kind, as used in search.embeddings and in match results. */
  entity: sqlIdentifier,
  /** FROM clause over CORE (may join), e.g. `core.ace_opportunities a`. Trusted tenant configuration. */
  from: z.string().min(1),
  /** Column holding the tenant id, e.g. `a.tenant_id`. */
  tenant: z.string().min(1),
  /** Expression for the record id (text). */
  id: z.string().min(1),
  /** Expression for the last-change time, for incremental matching. */
  updated: z.string().min(1),
  /** Field name -> SQL expression (text, number, date or text[]). */
  fields: z.record(sqlIdentifier, z.string().min(1)),
  /** Field name -> text kind in search.embeddings (identity, context): its dense vector and sparse weights. */
  vectors: z.record(sqlIdentifier, z.string()).default({}),
  /**
   * Expression for the id of the earlier record this one re-enters (the same thing entered twice), or
   * null. Where a left record's candidates hold both, the joint step gives the pair's evidence to the
   * earlier record: the same deal is one counterpart, and the earlier one is it.
   */
  duplicate_of: z.string().min(1).optional(),
})
export type RecordSource = z.infer<typeof recordSourceSchema>

const blockingBase = { name: sqlIdentifier }

export const blockingRuleSchema = z.discriminatedUnion('kind', [
  /** Same value on both sides (an id, a key). */
  z.object({ ...blockingBase, kind: z.literal('equal'), left: sqlIdentifier, right: sqlIdentifier }),
  /** Any shared value between two lists (domains, account ids); values shared by more than max_block records are skipped. */
  z.object({
    ...blockingBase,
    kind: z.literal('shared'),
    left: sqlIdentifier,
    right: sqlIdentifier,
    max_block: z.number().int().min(1).default(200),
  }),
  /** Trigram similarity of two text fields (pg_trgm in the database), the best `limit` per left record. */
  z.object({
    ...blockingBase,
    kind: z.literal('trigram'),
    left: sqlIdentifier,
    right: sqlIdentifier,
    threshold: z.number().min(0).max(1).default(0.3),
    limit: z.number().int().min(1).max(500).default(20),
  }),
  /** Nearest neighbours by embedding (cosine), `k` per left record. */
  z.object({
    ...blockingBase,
    kind: z.literal('nearest'),
    left: sqlIdentifier,
    right: sqlIdentifier,
    k: z.number().int().min(1).max(500).default(20),
  }),
])
export type BlockingRule = z.infer<typeof blockingRuleSchema>

export const matchingConfigSchema = z.object({
  left: recordSourceSchema,
  right: recordSourceSchema,
  blocking: z.array(blockingRuleSchema).min(1),
  comparisons: z
    .array(comparisonSpecSchema)
    .min(1)
    .superRefine((comparisons, context) => {
      comparisons.forEach((comparison, index) => {
        if (comparison.given === undefined) return
        const parent = comparisons.findIndex((c) => c.name === comparison.given)
        if (parent < 0 || parent >= index)
          context.addIssue({
            code: 'custom',
            path: [index, 'given'],
            message: `comparison ${comparison.name} is given "${comparison.given}", which is not a comparison listed before it`,
          })
      })
    }),
  one_to_one: z.boolean().default(true),
  /**
   * Links are chosen jointly across the records that compete for the same counterparts (a customer's
   * ACE and Odoo deals together, see joint-assignment.ts). Where links are not one-to-one, a right
   * record may still take a second left record as a duplicate at these prior odds.
   */
  second_claim_odds: z.number().min(0).max(1).default(0.05),
  /**
   * A left field whose values have priors of their own (estimated by EM): e.g. AWS-referred ACE
   * opportunities have an Odoo counterpart far less often than partner-referred ones.
   */
  prior_by: sqlIdentifier.optional(),
  thresholds: z
    .object({
      auto_link: z.number().min(0).max(1).default(0.85),
      review: z.number().min(0).max(1).default(0.7),
    })
    .prefault({})
    .refine((t) => t.review <= t.auto_link, 'review must not exceed auto_link'),
  /** Candidates kept per left record (best first), with their explanations. */
  keep_candidates: z.number().int().min(1).max(50).default(5),
  /** Random pairs sampled to estimate how often non-matches agree. */
  random_pairs: z.number().int().min(100).max(1_000_000).default(20_000),
})
export type MatchingConfig = z.infer<typeof matchingConfigSchema>
