// What handlers receive: dependencies injected at start-up and per-request variables.
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config'
import type { Logger } from '@revops/engine/shared'
import type { BillingAnswers } from './billing-answers.ts'
import type { MatchingSessions } from './matching-sessions.ts'

export interface ApiDeps {
  /** The API role's client without a tenant: key lookups and liveness (it sees no tenant's rows). */
  sql: Sql
  /** The client of one API key: its sessions present the key, so they see the key's tenant only. */
  sqlForKey(apiKey: string): Sql
  log: Logger
  /** API version reported in every response's metadata. */
  version: string
  /** A tenant's configuration (cached by the caller; see createTenantCache). */
  loadTenant(tenantId: string): Promise<Tenant>
  /** Matching populations kept between requests, bounded (see createMatchingSessions). */
  matchingSessions: MatchingSessions
  /** Cost Explorer answers kept until their figures change (one per app when not given). */
  billingAnswers?: BillingAnswers
  /** Who is asking, for throttling failed sign-ins: the peer address where the server knows it. */
  clientAddress?: (request: Request, env: unknown) => string | undefined
}

/** The authenticated caller: an API key of one tenant. Every act is attributed to it. */
export interface Principal {
  keyId: string
  /** The key's name (given when it was created). */
  name: string
  tenantId: string
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps
    correlationId: string
    startedAt: number
    /** Set on authenticated routes only. */
    principal: Principal
    tenantId: string
    /** The tenant's billing stamp, read with the key (authenticated routes only; see BillingAnswers). */
    billingStamp: string
    /** The tenant-scoped client of this request (authenticated routes only). */
    sql: Sql
  }
}
