// The environment every deployable reads alike (the CLI and its server, the Lambda API): one schema of
// the shared variables, which each deployable extends with its own, and one way of parsing it.
import { z } from 'zod'
import { LOG_LEVELS } from '../shared/logger.ts'

/** The variables every deployable understands, with their defaults. */
export const runtimeEnvSchema = z.object({
  /** The product database (the owner's login locally; a runtime role's login where deployed). */
  DATABASE_URL: z.string().url().optional(),
  /** The tenant the CLI acts for when none is named. */
  DEFAULT_TENANT: z.string().default('demo'),
  /** Where the tenants' folders are (tenant.yaml, rules/). */
  TENANTS_DIR: z.string().default('tenants'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
})

export type ParsedEnv<T> = T & {
  /** The raw environment, for per-tenant overrides such as ODOO_DATABASE_URL. */
  raw: Readonly<Record<string, string | undefined>>
}

/**
 * Parses an environment against a schema; an empty variable counts as unset (so `FOO=` in a .env takes
 * the default). Throws one readable error naming every variable at fault.
 */
export function parseEnv<Schema extends z.ZodObject>(
  schema: Schema,
  source: Readonly<Record<string, string | undefined>>,
): ParsedEnv<z.infer<Schema>> {
  const set = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = schema.safeParse(set)
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`)
  return { ...parsed.data, raw: { ...source } }
}
