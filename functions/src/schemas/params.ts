// Query and body values whose plain zod forms are too lenient at a boundary: `z.coerce.number()` reads
// `0x10` as 16, `1e1` as 10 and an empty value as 0, and a date pattern lets `2024-02-30` or year 0
// (which PostgreSQL refuses) through to the database.
import { z } from '@hono/zod-openapi'
import { RULESET_NAME } from '@revops/engine/rules'

const DECIMAL_INTEGER = /^-?\d{1,15}$/

/** The largest PostgreSQL `integer`: version numbers and counts beyond it would fail in SQL. */
export const MAX_INT4 = 2_147_483_647

/**
 * A whole number in [min, max] (max: MAX_INT4 unless given) written in decimal digits only (a query or
 * path value); anything else stays a string and fails. Chain `.optional()` or `.default(n)`.
 */
export function intParam(options: { min: number; max?: number }) {
  const base = z.number({ error: 'expected a whole number written in decimal digits' }).int().min(options.min)
  return z.preprocess(
    (value) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value),
    base.max(options.max ?? MAX_INT4),
  )
}

/** A calendar date that exists, YYYY-MM-DD, from year 1000 to 9999. */
export const isoDate = z.iso
  .date('expected a date that exists, as YYYY-MM-DD')
  .refine((value) => value >= '1000-01-01', 'expected a date from year 1000 on')

const dateOnly = z.iso.date()
const dateTime = z.iso.datetime({ offset: true, local: true })

/** A point in time as ISO 8601 (a date, or a date and time with an optional offset) that exists. */
export const isoInstant = z
  .string()
  .max(40)
  .refine(
    (value) => (dateOnly.safeParse(value).success || dateTime.safeParse(value).success) && value >= '1000',
    'expected an ISO 8601 date or time that exists (e.g. 2026-11-01 or 2026-11-01T09:30:00Z)',
  )

/** A ruleset's name (never a path): the engine's rule, in the contract. */
export const rulesetName = z
  .string()
  .max(RULESET_NAME.maxLength, RULESET_NAME.message)
  .regex(RULESET_NAME.pattern, RULESET_NAME.message)
