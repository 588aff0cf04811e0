// Environment of the API when it runs on its own (AWS Lambda); the CLI passes options instead.
import { z } from 'zod'

const schema = z.object({
  DATABASE_URL: z.string().url(),
  DEFAULT_TENANT: z.string().default('demo'),
  TENANTS_DIR: z.string().default('tenants'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  APP_VERSION: z.string().default('0.1.0'),
})

export type FunctionsEnv = z.infer<typeof schema> & {
  /** The raw environment, for per-tenant source URL overrides. */
  raw: Readonly<Record<string, string | undefined>>
}

export function readFunctionsEnv(source: NodeJS.ProcessEnv = process.env): FunctionsEnv {
  const parsed = schema.safeParse(source)
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`)
  return { ...parsed.data, raw: { ...source } }
}
