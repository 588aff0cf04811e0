// AWS Lambda entry point (sst.config.ts): the same app, small connection pools per container, logged in
// as the API's runtime role (DATABASE_URL here is revops_app's login, never the owner's).
import { withDatabase } from '@revops/db'
import { loadTenant } from '@revops/engine/config'
import { createLogger } from '@revops/engine/shared'
import { createApiDatabase } from '@revops/engine/tenancy'
import { handle } from 'hono/aws-lambda'
import { createApp } from './app.ts'
import { readFunctionsEnv } from './env.ts'
import { createMatchingSessions } from './matching-sessions.ts'
import { cachedTenantLoader } from './tenant-cache.ts'

const env = readFunctionsEnv()
const database = createApiDatabase(env.DATABASE_URL, { max: 2, maxKeys: 16 })

export const handler = handle(
  createApp({
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
    clientAddress: (_request, lambdaEnv) =>
      (lambdaEnv as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event
        ?.requestContext?.http?.sourceIp,
  }),
)
