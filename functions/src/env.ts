// Environment of the API when it runs on its own (AWS Lambda): the shared variables, with the database
// required here, and the version it reports. The CLI passes options instead.
import { type ParsedEnv, parseEnv, runtimeEnvSchema } from '@revops/engine/config'
import { z } from 'zod'

const schema = runtimeEnvSchema.extend({
  /** The API's runtime role's login (revops_app), never the owner's. */
  DATABASE_URL: z.string().url(),
  APP_VERSION: z.string().default('0.1.0'),
  /** `off` behind RDS Proxy, where a named prepared statement pins the client to one connection. */
  DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
})

export type FunctionsEnv = ParsedEnv<z.infer<typeof schema>>

export function readFunctionsEnv(
  source: Readonly<Record<string, string | undefined>> = process.env,
): FunctionsEnv {
  return parseEnv(schema, source)
}
