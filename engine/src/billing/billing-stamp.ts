// One small read that moves whenever a Cost Explorer answer could: a rollup rebuild (refreshed_at), a
// month marked for one (a CORE billing row written; core.billing_rollup_pending) or a change of the names
// and hierarchy of customers, accounts and partners (core.billing_label_versions, migration 000020).
// Equal stamps, equal answers: a cache may keep an answer under it.
import type { Sql } from '@revops/db'

export async function readBillingStamp(sql: Sql, tenantId: string): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select concat_ws('/',
      (select extract(epoch from refreshed_at)::text from core.billing_rollup_state where tenant_id = ${tenantId}),
      (select count(*) || ':' || coalesce(extract(epoch from max(marked_at))::text, '')
       from core.billing_rollup_pending where tenant_id = ${tenantId}),
      (select version::text from core.billing_label_versions where tenant_id = ${tenantId})) as stamp`
  return `${row!.stamp}`
}
