// The API as an AWS Lambda function (sst.config.ts; lambda.ts is the entry point): the same app object
// as `npm start` serves, through Hono's AWS Lambda adapter (function URL and API Gateway v2 events), with
// small connection pools per container, logged in as the API's runtime role (revops_app), never as the
// owner. Deployed, that login comes from SST's links (DatabaseEndpoint + DatabaseApiLogin).
import { withDatabase } from '@revops/db'
import { LOGIN_LINKS, loadTenant, withLinkedLogins } from '@revops/engine/config'
import { createLogger } from '@revops/engine/shared'
import { createApiDatabase } from '@revops/engine/tenancy'
import { handle } from 'hono/aws-lambda'
import { createApp } from './app.ts'
import { readFunctionsEnv } from './env.ts'
import { createMatchingSessions } from './matching-sessions.ts'
import { cachedTenantLoader } from './tenant-cache.ts'

type LambdaEnv = { event?: { requestContext?: { http?: { sourceIp?: string } } } }

export interface LambdaApi {
  handler: ReturnType<typeof handle>
  close(): Promise<void>
}

export function createLambdaApi(source: Readonly<Record<string, string | undefined>>): LambdaApi {
  const env = readFunctionsEnv(withLinkedLogins(source, { DATABASE_URL: LOGIN_LINKS.api }))
  const database = createApiDatabase(env.DATABASE_URL, {
    max: 2,
    maxKeys: 16,
    prepare: env.DATABASE_PREPARED_STATEMENTS === 'on',
  })
  const app = createApp({
    sql: database.sql,
    sqlForKey: (apiKey) => database.forKey(apiKey),
    log: createLogger({ level: env.LOG_LEVEL, format: 'json' }),
    version: env.APP_VERSION,
    loadTenant: cachedTenantLoader((tenantId) =>
      loadTenant(tenantId, {
        tenantsDir: env.TENANTS_DIR,
        env: env.raw,
        productServerUrl: withDatabase(env.DATABASE_URL, 'postgres'),
      }),
    ),
    matchingSessions: createMatchingSessions({ maxSessions: 2 }),
    // The caller's address as the function URL (or API Gateway) saw it, for the sign-in throttle.
    clientAddress: (_request, lambdaEnv) =>
      (lambdaEnv as LambdaEnv | undefined)?.event?.requestContext?.http?.sourceIp,
  })
  return { handler: handle(app), close: () => database.close() }
}
