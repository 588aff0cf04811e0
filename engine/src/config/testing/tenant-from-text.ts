// A tenant from tenant.yaml text (tests): parsed and resolved as loadTenant does a folder's file.

import type { Tenant } from '../load-tenant-config.ts'
import { loadTenantConfigText } from '../load-tenant-config.ts'

export function loadTenantFromText(
  text: string,
  env: Record<string, string | undefined> = {},
  productServerUrl = 'postgres://unused:5432/postgres',
): Tenant {
  return loadTenantConfigText(text, { env, productServerUrl, dir: '/nowhere' })
}
