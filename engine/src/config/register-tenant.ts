// Makes sure a configured tenant has its row in ops.tenants (every owned row references it).
import type { Sql } from '@revops/db'
import type { TenantConfig } from './tenant-config.ts'

export async function registerTenant(sql: Sql, config: TenantConfig): Promise<void> {
  await sql`
    insert into ops.tenants (tenant_id, display_name) values (${config.tenant_id}, ${config.display_name})
    on conflict (tenant_id) do update set display_name = excluded.display_name
    where ops.tenants.display_name is distinct from excluded.display_name`
}
