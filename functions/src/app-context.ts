// What handlers receive: dependencies injected at start-up and per-request variables.
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config/load-tenant-config'
import type { Logger } from '@revops/engine/logger'

export interface ApiDeps {
  /** The owner's client: API key lookups and health only (not restricted by row-level security). */
  sql: Sql
  /** A client whose sessions see one tenant's rows only (row-level security). */
  sqlForTenant(tenantId: string): Sql
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
    /** The authenticated key's name (reviewers default to it). */
    apiKeyName: string
    /** The tenant-scoped client of this request. */
    sql: Sql
  }
}
