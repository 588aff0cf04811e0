// Matching populations kept between requests, per tenant and matching configuration (loading one takes
// seconds at scale; see engine/src/match/matching-session.ts). Bounded: a changed matching.yaml or a
// tenant not asked for in a while lets its population go.
import type { Tenant } from '@revops/engine/config'
import {
  configHash,
  createMatchingSession,
  loadMatchingConfig,
  type MatchingConfig,
  type MatchingSession,
} from '@revops/engine/match'
import { createBoundedCache } from './bounded-cache.ts'

export interface MatchingSessions {
  /** The tenant's matching configuration (re-read at most every few seconds) and its session. */
  get(tenant: Tenant): Promise<{ config: MatchingConfig; session: MatchingSession }>
  readonly size: number
}

export interface MatchingSessionsOptions {
  /** Populations kept at once (default 8). */
  maxSessions?: number
  /** A population unused this long is dropped (default 30 minutes). */
  maxIdleMs?: number
  /** How long a read matching.yaml is trusted before it is read again (default 5 s). */
  configMaxAgeMs?: number
}

export function createMatchingSessions(options: MatchingSessionsOptions = {}): MatchingSessions {
  const configs = createBoundedCache<MatchingConfig>({
    maxEntries: 256,
    maxAgeMs: options.configMaxAgeMs ?? 5_000,
  })
  const sessions = createBoundedCache<MatchingSession>({
    maxEntries: options.maxSessions ?? 8,
    maxAgeMs: options.maxIdleMs ?? 30 * 60_000,
  })
  return {
    async get(tenant) {
      const tenantId = tenant.config.tenant_id
      const config = await configs.get(`${tenantId}\u0000${tenant.dir}`, () => loadMatchingConfig(tenant))
      const session = await sessions.get(`${tenantId}\u0000${configHash(config)}`, async () =>
        createMatchingSession({ tenantId, config }),
      )
      return { config, session }
    },
    get size() {
      return sessions.size
    },
  }
}
