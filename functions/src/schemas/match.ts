// Match shapes in the API contract.
import { z } from '@hono/zod-openapi'

export const contributionSchema = z.object({
  comparison: z.string(),
  level: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  bits: z.number().openapi({ description: 'log2 Bayes factor added by this comparison' }),
  m: z.number().nullable(),
  u: z.number().nullable(),
  term_frequency: z.object({ share: z.number(), bits: z.number() }).nullable().optional().openapi({
    description:
      'term-frequency adjustment, included in bits: the share of records carrying the agreeing value (rare values weigh more)',
  }),
  given: z.object({ comparison: z.string(), level: z.string() }).nullable().optional().openapi({
    description:
      'for a comparison weighed given another (m and u estimated per level of that one): that comparison and its level in this pair',
  }),
})

export const explanationSchema = z
  .object({
    prior: z.object({
      lambda: z.number(),
      stratum: z.string().nullable(),
      candidates: z.number().int(),
      bits: z.number(),
    }),
    contributions: z.array(contributionSchema),
    competition: z.object({
      bits: z.number().openapi({ description: 'taken away by the other candidates of the same record' }),
    }),
    joint: z
      .object({
        own_probability: z
          .number()
          .openapi({ description: "the pair's probability on its own record's evidence alone" }),
        rival_bits: z
          .number()
          .openapi({ description: 'taken away by other left records claiming the same right record' }),
        competition_bits: z.number().openapi({
          description:
            'taken away by the same record’s other candidates after the joint step (replaces competition)',
        }),
        rivals: z.array(z.object({ left_id: z.string(), probability: z.number() })).openapi({
          description: 'the strongest other claims on this right record, with their probabilities',
        }),
        reentry_of: z.string().optional().openapi({
          description:
            'the right record re-enters this earlier one, also a candidate: the evidence went to the earlier record and this pair is 0',
        }),
        preferred_over: z
          .object({
            right_id: z.string(),
            probability: z.number(),
            own_probability: z.number(),
            differences: z.array(
              z.object({
                comparison: z.string(),
                level: z.string(),
                other_level: z.string(),
                bits: z.number().openapi({ description: 'bits this pair minus bits the runner-up' }),
              }),
            ),
          })
          .nullable()
          .optional()
          .openapi({
            description:
              'on a record’s best pair when a runner-up (often another deal of the same customer) was close on its own: what tells the two apart',
          }),
      })
      .nullable()
      .optional()
      .openapi({
        description:
          'links are decided jointly with the other records competing for the same counterparts (a customer’s deals together)',
      }),
    contested: z.object({ left_id: z.string(), probability: z.number() }).nullable().optional().openapi({
      description:
        'another left record links the same right record with this higher probability: the link is held for review',
    }),
  })
  .openapi('MatchExplanation', {
    description:
      'The waterfall: prior bits + each comparison − competition = log-odds of the probability (in bits)',
  })

export const matchSchema = z
  .object({
    id: z.string().openapi({ example: '4711' }),
    ace_id: z.string(),
    odoo_lead_id: z.string(),
    probability: z.number(),
    band: z.enum(['auto_link', 'review', 'no_link']),
    rank: z.number().int(),
    selected: z.boolean().openapi({ description: 'the current link of this ACE opportunity' }),
    provenance: z.array(z.string()).openapi({ description: 'blocking rules that proposed the pair' }),
    explanation: explanationSchema,
    review: z
      .object({
        decision: z.enum(['confirm', 'reject']),
        reviewer: z.string().openapi({ description: 'the API key (its name) that reviewed' }),
        display_name: z.string().nullable().openapi({ description: 'the name the reviewer gave' }),
        note: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    etag: z.string().openapi({ description: 'the review state; send it as If-Match with confirm or reject' }),
    odoo: z
      .object({
        title: z.string().nullable(),
        customer_name: z.string().nullable(),
        stage: z.string().nullable(),
        close_date: z.string().nullable(),
        amount: z.string().nullable(),
      })
      .nullable(),
    model_id: z.string(),
    updated_at: z.string(),
  })
  .openapi('Match')

export const reviewBodySchema = z
  .object({
    reviewer: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'a display name kept beside the API key, which is the actor' }),
    note: z.string().max(2000).optional(),
  })
  .openapi('MatchReview')
