// The comparisons a tenant can configure. Field names refer to the values the adapter puts on each
// side's records (left = the records being matched, right = the candidates).
import { z } from 'zod'

const base = {
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case'),
  description: z.string().optional(),
  /**
   * An earlier comparison this one depends on: its m and u are then estimated per level of that one.
   * For facts shared by everything of one customer (its domain, contact, sales rep), given the
   * company name, so that evidence of "same customer" is not counted once per field.
   */
  given: z.string().optional(),
}
const thresholds = z.array(z.number().min(0).max(1)).min(1).max(6)

export const comparisonSpecSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('name'), left: z.string(), right: z.string() }),
  z.object({
    ...base,
    kind: z.literal('text'),
    left: z.string(),
    right: z.string(),
    thresholds: thresholds.default([0.9, 0.75, 0.55, 0.35]),
    /** Words of this field (on each side) are removed first: titles often repeat the customer's name. */
    without_words_of: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('exact'),
    left: z.string(),
    right: z.string(),
    term_frequency: z.boolean().default(false),
  }),
  z.object({
    ...base,
    kind: z.literal('set'),
    left: z.string(),
    right: z.string(),
    term_frequency: z.boolean().default(true),
  }),
  z.object({
    ...base,
    kind: z.literal('codes'),
    left: z.array(z.string()).min(1),
    right: z.array(z.string()).min(1),
  }),
  z.object({
    ...base,
    kind: z.literal('date'),
    left: z.string(),
    right: z.string(),
    days: z.array(z.number().positive()).min(1).default([7, 31, 92, 366]),
    /** Levels by how many days the right date is earlier, then later (which came first). */
    signed: z.boolean().default(false),
  }),
  z.object({
    ...base,
    kind: z.literal('amount'),
    left: z.string(),
    right: z.string(),
    /** The right amount may be the left one times any of these (monthly vs annual vs total). */
    multipliers: z.array(z.number().positive()).min(1).default([1]),
  }),
  z.object({
    ...base,
    kind: z.literal('number'),
    left: z.string(),
    right: z.string(),
    /** Relative differences for the levels after `equal`. */
    relative: z.array(z.number().positive()).min(1).default([0.01, 0.1, 0.5]),
  }),
  z.object({
    ...base,
    kind: z.literal('category'),
    left: z.string(),
    right: z.string(),
    /** Pairs of values that agree; any other pair of known values disagrees. */
    consistent: z.array(z.tuple([z.string(), z.string()])).min(1),
  }),
  z.object({
    ...base,
    kind: z.literal('vector'),
    left: z.string(),
    right: z.string(),
    thresholds: thresholds.default([0.9, 0.8, 0.7, 0.6]),
  }),
  z.object({
    ...base,
    kind: z.literal('sparse'),
    left: z.string(),
    right: z.string(),
    thresholds: thresholds.default([0.6, 0.4, 0.25, 0.1]),
  }),
  z.object({
    ...base,
    kind: z.literal('location'),
    left: z.object({
      state: z.string(),
      city: z.string().optional(),
      postal: z.string().optional(),
      country: z.string().optional(),
    }),
    right: z.object({
      state: z.string(),
      city: z.string().optional(),
      postal: z.string().optional(),
      country: z.string().optional(),
    }),
  }),
])

export type ComparisonSpec = z.infer<typeof comparisonSpecSchema>
