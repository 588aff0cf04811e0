// One matching session per tenant and configuration in this process (the population stays in
// memory between requests; see engine/src/match/matching-session.ts).
import type { Sql } from '@revops/db'
import type { Tenant } from '@revops/engine/config/load-tenant-config'
import { loadMatchingConfig } from '@revops/engine/match/config/load-matching-config'
import type { MatchingConfig } from '@revops/engine/match/config/matching-config'
import { configHash } from '@revops/engine/match/match-tenant'
import { createMatchingSession, type MatchingSession } from '@revops/engine/match/matching-session'

const sessions = new Map<string, MatchingSession>()

export async function matchingFor(
  sql: Sql,
  tenant: Tenant,
): Promise<{ config: MatchingConfig; session: MatchingSession }> {
  const config = await loadMatchingConfig(tenant)
  const key = `${tenant.config.tenant_id}:${configHash(config)}`
  let session = sessions.get(key)
  if (!session) {
    session = createMatchingSession({ sql, tenantId: tenant.config.tenant_id, config })
    sessions.set(key, session)
  }
  return { config, session }
}
