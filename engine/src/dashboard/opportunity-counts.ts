// Dashboard: how many ACE and Odoo opportunities there are, by source and stage.
import type { Sql } from '@revops/db'

export interface StageCount {
  source: 'ace' | 'odoo'
  /** null when the source record has no stage. */
  stage: string | null
  count: number
}

export async function readOpportunityCounts(sql: Sql, tenantId: string): Promise<StageCount[]> {
  return sql<StageCount[]>`
    select source, stage, count(*)::int as count
    from core.opportunities
    where tenant_id = ${tenantId}
    group by source, stage
    order by source, count(*) desc, stage nulls last`
}
