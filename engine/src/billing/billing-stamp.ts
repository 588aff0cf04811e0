// One small read that moves whenever a Cost Explorer answer could: a rollup rebuild (refreshed_at), a
// month marked for one (a CORE billing row written; core.billing_rollup_pending) or a change of the names
// and hierarchy of customers, accounts and partners (core.billing_label_versions, migration 000020).
// Equal stamps, equal answers: a cache may keep an answer under it. The read is core.billing_stamp
// (migration 000022), which an API key's authentication also returns (engine/src/tenancy/api-keys.ts).
import type { Sql } from '@revops/db'

export async function readBillingStamp(sql: Sql, tenantId: string): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`select core.billing_stamp(${tenantId}) as stamp`
  return `${row!.stamp}`
}
