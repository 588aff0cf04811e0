// Opens what every command needs: environment, logger, the product database (embedded or external,
// migrated), tenant configuration and the shutdown handling.
import {
  API_ROLE,
  connect,
  ensureRuntimeLogins,
  migrate,
  openProductDatabase,
  type ProductDatabase,
  pendingMigrations,
  runtimeRoleUrl,
  type Sql,
  WORKER_ROLE,
} from '@revops/db'
import { listTenantIds, loadTenant, registerTenant, type Tenant } from '@revops/engine/config'
import { stopLocalFakes } from '@revops/engine/partner-central'
import { createLogger, type Logger } from '@revops/engine/shared'
import { installJobQueue } from '@revops/worker'
import { type Env, readEnv } from './env.ts'
import { installShutdown, type Shutdown } from './shutdown.ts'

export interface Runtime {
  env: Env
  log: Logger
  database: ProductDatabase
  /** The owner's client: migrations and the operator's commands (the CLI acts as the owner). */
  sql: Sql
  /** Logins of the long-running services, which never run as the owner (see db/src/runtime-roles.ts). */
  runtimeUrls: { api: string; worker: string }
  tenantId: string
  loadTenant(tenantId?: string): Promise<Tenant>
  shutdown: Shutdown
  close(): Promise<void>
}

export interface OpenRuntimeOptions {
  tenant?: string | undefined
  /** `auto` migrates the embedded database (and refuses a behind external one); `apply` always migrates. */
  migrations?: 'auto' | 'apply'
}

export async function openRuntime(options: OpenRuntimeOptions = {}): Promise<Runtime> {
  const env = readEnv()
  const log = createLogger({
    level: env.LOG_LEVEL,
    format: env.LOG_FORMAT ?? (process.stderr.isTTY ? 'pretty' : 'json'),
  })
  const shutdown = installShutdown((message) => log.warn(message))
  const database = await openProductDatabase({
    databaseUrl: env.DATABASE_URL,
    embeddedDataDir: `${env.dataDir}/postgres`,
    embeddedPort: env.EMBEDDED_PG_PORT,
    log: (message) => log.info(message),
  })
  shutdown.onShutdown(() => database.close())
  // A demo tenant's local fake Partner Central lives as long as this process.
  shutdown.onShutdown(stopLocalFakes)
  const sql = connect(database.url, { max: 10, applicationName: 'revops' })
  shutdown.onShutdown(() => sql.end({ timeout: 5 }))

  const runtimeUrls = runtimeLogins(env, database.url)
  try {
    await prepareSchema(sql, database, options.migrations ?? 'auto', log)
    // Given logins are the operator's to manage; derived ones are made to work here.
    if (env.RUNTIME_LOGINS === 'derive' && (!env.API_DATABASE_URL || !env.WORKER_DATABASE_URL))
      await ensureRuntimeLogins(sql, database.url)
    for (const tenantId of await listTenantIds(env.tenantsDir)) {
      const tenant = await loadTenant(tenantId, {
        tenantsDir: env.tenantsDir,
        env: env.raw,
        productServerUrl: database.serverUrl,
      })
      await registerTenant(sql, tenant.config)
    }
  } catch (error) {
    await shutdown.run()
    throw error
  }

  const tenantId = options.tenant ?? env.DEFAULT_TENANT
  return {
    env,
    log,
    database,
    sql,
    runtimeUrls,
    tenantId,
    loadTenant: (id = tenantId) =>
      loadTenant(id, { tenantsDir: env.tenantsDir, env: env.raw, productServerUrl: database.serverUrl }),
    shutdown,
    close: () => shutdown.run(),
  }
}

/** The services' logins: given, or derived from the owner's; with RUNTIME_LOGINS=given, only given. */
function runtimeLogins(env: Env, ownerUrl: string): Runtime['runtimeUrls'] {
  const login = (given: string | undefined, role: typeof API_ROLE | typeof WORKER_ROLE, variable: string) => {
    if (given) return () => given
    if (env.RUNTIME_LOGINS === 'derive') {
      const derived = runtimeRoleUrl(ownerUrl, role)
      return () => derived
    }
    return () => {
      throw new Error(`${variable} is not set, and RUNTIME_LOGINS=given derives no login for ${role}`)
    }
  }
  const api = login(env.API_DATABASE_URL, API_ROLE, 'API_DATABASE_URL')
  const worker = login(env.WORKER_DATABASE_URL, WORKER_ROLE, 'WORKER_DATABASE_URL')
  return {
    get api() {
      return api()
    },
    get worker() {
      return worker()
    },
  }
}

async function prepareSchema(sql: Sql, database: ProductDatabase, mode: 'auto' | 'apply', log: Logger) {
  if (mode === 'apply' || database.mode === 'embedded') {
    const result = await migrate(sql, { log: (message) => log.info(message) })
    await installJobQueue(database.url)
    if (result.applied.length > 0)
      log.info(`database schema is up to date (${result.applied.length} migrations applied)`)
    return
  }
  const pending = await pendingMigrations(sql)
  if (pending.length > 0) {
    throw new Error(
      `the database is behind by ${pending.length} migrations (${pending.join(', ')}); run: revops db migrate`,
    )
  }
}
