// Data-quality checks across tables, run in SQL after the entities are normalised: references to AWS
// accounts that are not in the registry.
import type { Sql } from '@revops/db'
import { saveIssues } from './issue-log.ts'

export async function checkAccountReferences(sql: Sql, tenantId: string): Promise<number> {
  const orphans = await sql<{ raw_pk: string; account_ref: string }[]>`
    select c.raw_pk, c.account_ref::text from core.billing_cost c
    where c.tenant_id = ${tenantId} and c.account_ref is not null
      and not exists (select 1 from core.aws_accounts a where a.tenant_id = c.tenant_id and a.account_ref = c.account_ref)`
  const issues = orphans.map((row) => ({
    kind: 'unknown_account_ref',
    severity: 'warning' as const,
    source: 'odoo',
    table: 'c_billing_internal_cur',
    pk: row.raw_pk,
    field: 'account_id',
    detail: { account_ref: row.account_ref },
  }))
  await saveIssues(
    sql,
    tenantId,
    { source: 'odoo', table: 'c_billing_internal_cur', kinds: ['unknown_account_ref'], pks: 'all' },
    issues,
  )
  return issues.length
}
