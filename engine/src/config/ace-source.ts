// Which source ACE opportunities come from: the tenant's Selling API source when it has one, otherwise
// the PostgreSQL source named `apn` (the APN database the older S3 integration fills).
import type { TenantConfig } from './tenant-config.ts'

export interface AceSource {
  name: string
  kind: 'postgres' | 'partnercentral'
}

export function aceSourceOf(config: TenantConfig): AceSource {
  const api = Object.entries(config.sources).find(([, source]) => source.kind === 'partnercentral')
  return api ? { name: api[0], kind: 'partnercentral' } : { name: 'apn', kind: 'postgres' }
}
