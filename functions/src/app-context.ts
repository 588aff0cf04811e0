// What handlers receive: dependencies injected at start-up and per-request variables.
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config/load-tenant-config'
import type { Logger } from '@revops/engine/logger'

export interface ApiDeps {
  sql: Sql
  log: Logger
  /** API version reported in every response's metadata. */
  version: string
  /** Tenant served when a request does not name one (until API keys select it). */
  defaultTenantId: string
  loadTenant(tenantId: string): Promise<Tenant>
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps
    correlationId: string
    startedAt: number
    tenantId: string
  }
}
