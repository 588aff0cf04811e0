// Tenant configuration as the API uses it: read and validated once, then trusted for a few seconds (an
// edited tenant.yaml is picked up soon after), with a bound on how many tenants are kept.
import type { Tenant } from '@revops/engine/config'
import { createBoundedCache } from './bounded-cache.ts'

export function cachedTenantLoader(
  load: (tenantId: string) => Promise<Tenant>,
  options: { maxTenants?: number; maxAgeMs?: number } = {},
): (tenantId: string) => Promise<Tenant> {
  const cache = createBoundedCache<Tenant>({
    maxEntries: options.maxTenants ?? 256,
    maxAgeMs: options.maxAgeMs ?? 5_000,
  })
  return (tenantId) => cache.get(tenantId, () => load(tenantId))
}
