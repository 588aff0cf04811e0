// Where the product runs on AWS (sst.config.ts, infra/), the Lambda functions' database logins come from
// SST's links, never from plain environment values: SST encrypts linked values into the function's
// bundle and the `sst` package decrypts them at start. A function is linked to the database endpoint
// (the RDS Proxy's host, port and database: no credentials) and to the password of the one role it logs
// in as (a Linkable of its user name and password). Elsewhere (npm start, docker, tests) nothing is linked and DATABASE_URL is read as before.
import { Resource } from 'sst'
import { z } from 'zod'

/** The Linkables that sst.config.ts makes (infra/database.ts): the endpoint and one per login. */
export const DATABASE_ENDPOINT_LINK = 'DatabaseEndpoint'
export const LOGIN_LINKS = {
  owner: 'DatabaseOwnerLogin',
  api: 'DatabaseApiLogin',
  worker: 'DatabaseWorkerLogin',
} as const

const endpointSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  database: z.string().min(1),
  /** TLS to the endpoint (RDS Proxy requires it where deployed). */
  tls: z.boolean().default(true),
})
const loginSchema = z.object({ username: z.string().min(1), password: z.string().min(1) })

type Env = Readonly<Record<string, string | undefined>>

/** Whether SST's links are present (a deployed function: SST sets these variables). */
export function sstLinksActive(env: Env): boolean {
  return Boolean(env.SST_RESOURCE_App || (env.SST_KEY && env.SST_KEY_FILE))
}

function linked<T>(name: string, schema: z.ZodType<T>): T {
  let value: unknown
  try {
    value = (Resource as unknown as Record<string, unknown>)[name]
  } catch {
    // sst throws for a link it does not have; the message below says which and where to look.
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success)
    throw new Error(`the SST link ${name} is missing or malformed (is it linked to this function?)`)
  return parsed.data
}

/** The URL of the linked login `loginLink` (user name and password) at the linked endpoint. */
export function linkedDatabaseUrl(loginLink: string): string {
  const endpoint = linked(DATABASE_ENDPOINT_LINK, endpointSchema)
  const login = linked(loginLink, loginSchema)
  const url = new URL(`postgres://${endpoint.host}`)
  url.port = String(endpoint.port)
  url.username = login.username
  url.password = login.password
  url.pathname = `/${encodeURIComponent(endpoint.database)}`
  if (endpoint.tls) url.searchParams.set('sslmode', 'require')
  return url.toString()
}

/**
 * The environment with the linked logins filled in (`variables` maps a variable to a login link);
 * unchanged where nothing is linked. A variable already set wins over its link.
 */
export function withLinkedLogins(env: Env, variables: Record<string, string>): Env {
  if (!sstLinksActive(env)) return env
  const filled: Record<string, string | undefined> = { ...env }
  for (const [variable, loginLink] of Object.entries(variables)) {
    filled[variable] ??= linkedDatabaseUrl(loginLink)
  }
  return filled
}
