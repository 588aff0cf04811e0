// Test support: a tenant with a model and a match run, so candidates can be stored directly.
import type { Sql } from '@revops/db'

export async function createTestMatchRun(
  sql: Sql,
  tenantId: string,
): Promise<{ modelId: string; runId: string }> {
  await sql`insert into ops.tenants (tenant_id, display_name) values (${tenantId}, ${tenantId})`
  const [model] = await sql<{ model_id: string }[]>`
    insert into match.models (tenant_id, config_hash, parameters, estimation)
    values (${tenantId}, 'h', '{}', '{}') returning model_id::text`
  const [run] = await sql<{ run_id: string }[]>`
    insert into match.runs (tenant_id, mode, model_id) values (${tenantId}, 'full', ${model!.model_id})
    returning run_id::text`
  return { modelId: model!.model_id, runId: run!.run_id }
}
