// AWS Lambda entry point (sst.config.ts): the same app, one small connection pool per container.
import { connect, withDatabase } from '@revops/db'
import { loadTenant } from '@revops/engine/config/load-tenant-config'
import { createLogger } from '@revops/engine/logger'
import { createTenantSqlPool } from '@revops/engine/tenancy/tenant-sql'
import { handle } from 'hono/aws-lambda'
import { createApp } from './app.ts'
import { readFunctionsEnv } from './env.ts'

const env = readFunctionsEnv()
const sql = connect(env.DATABASE_URL, { max: 2, applicationName: 'revops-api' })
const tenantSql = createTenantSqlPool(env.DATABASE_URL, { max: 2 })

export const handler = handle(
  createApp({
    sql,
    sqlForTenant: (tenantId) => tenantSql.forTenant(tenantId),
    log: createLogger({ level: env.LOG_LEVEL, format: 'json' }),
    version: env.APP_VERSION,
    defaultTenantId: env.DEFAULT_TENANT,
    loadTenant: (tenantId) =>
      loadTenant(tenantId, {
        tenantsDir: env.TENANTS_DIR,
        env: env.raw,
        productServerUrl: withDatabase(env.DATABASE_URL, 'postgres'),
      }),
  }),
)
