// CORE AWS accounts from c_aws_accounts: the 12-digit id canonicalised (invalid ones kept and flagged),
// the customer company, payer links.
import { canonicalizeAwsAccountId } from '../aws-account-id.ts'
import { companyDomainFromEmail } from '../domain.ts'
import { anyChanged } from './change-window.ts'
import { upsertCoreRows } from './core-writer.ts'
import { saveIssues } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { loadPartnerCompanies } from './partner-companies.ts'
import { bool, intId, isoDateOf, readRaw, text } from './raw-docs.ts'

const FIELDS = [
  'id',
  'name',
  'c_aws_account_name',
  'c_aws_account_alias',
  'c_aws_company_id',
  'c_aws_primary_contact_id',
  'is_payer',
  'payer_id',
  'is_not_billable',
  'account_status',
  'root_email',
  'c_org_join_date',
  'is_distribution',
] as const

const ISSUE_KINDS = [
  'missing_aws_account_id',
  'malformed_aws_account_id',
  'duplicate_aws_account_id',
  'account_without_company',
]

export async function normalizeAwsAccounts(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  if (!window.full && !(await anyChanged(sql, window, 'odoo', ['c_aws_accounts', 'res_partner']))) {
    return { entity: 'aws_accounts', examined: 0, written: 0, deleted: 0, skipped: true }
  }
  const accounts = await readRaw(sql, { tenantId, source: 'odoo', table: 'c_aws_accounts', fields: FIELDS })
  const companyOf = await loadPartnerCompanies(sql, tenantId)
  const issue = (pk: string, kind: string, severity: 'info' | 'warning', detail: Record<string, unknown>) =>
    ctx.issues.add({ kind, severity, source: 'odoo', table: 'c_aws_accounts', pk, field: 'name', detail })

  const rows = accounts.flatMap((account) => {
    const ref = intId(account.id)
    if (ref === null) return []
    const canonical = canonicalizeAwsAccountId(account.name)
    if (canonical.status === 'missing') issue(account._pk, 'missing_aws_account_id', 'warning', {})
    if (canonical.status === 'malformed') {
      issue(account._pk, 'malformed_aws_account_id', 'warning', {
        value: canonical.raw,
        reason: canonical.reason,
        suggestion: canonical.suggestion ?? null,
      })
    }
    const partner = intId(account.c_aws_company_id)
    const companyId = partner === null ? null : (companyOf.get(partner) ?? null)
    if (companyId === null) {
      ctx.issues.add({
        kind: 'account_without_company',
        severity: 'warning',
        source: 'odoo',
        table: 'c_aws_accounts',
        pk: account._pk,
        field: 'c_aws_company_id',
        detail: { value: account.c_aws_company_id },
      })
    }
    return [
      {
        tenant_id: tenantId,
        account_ref: ref,
        aws_account_id_raw: canonical.raw,
        aws_account_id: canonical.id,
        aws_account_id_status: canonical.status,
        account_name: text(account.c_aws_account_name),
        account_alias: text(account.c_aws_account_alias),
        company_id: companyId,
        primary_contact_id: intId(account.c_aws_primary_contact_id),
        is_payer: bool(account.is_payer),
        payer_ref: intId(account.payer_id),
        is_not_billable: bool(account.is_not_billable),
        is_distribution: bool(account.is_distribution),
        account_status: text(account.account_status),
        root_email: text(account.root_email),
        root_email_domain: companyDomainFromEmail(account.root_email).domain,
        org_join_date: isoDateOf(account.c_org_join_date),
        raw_pk: account._pk,
      },
    ]
  })

  // The same AWS account registered twice is a data problem worth a person's eye.
  const byNumber = new Map<string, string[]>()
  for (const row of rows) {
    if (row.aws_account_id)
      byNumber.set(row.aws_account_id, [...(byNumber.get(row.aws_account_id) ?? []), row.raw_pk])
  }
  for (const [number, pks] of byNumber) {
    if (pks.length > 1)
      for (const pk of pks)
        issue(pk, 'duplicate_aws_account_id', 'warning', { aws_account_id: number, rows: pks })
  }

  const written = await upsertCoreRows(sql, 'core.aws_accounts', ['tenant_id', 'account_ref'], rows)
  const removed = await sql`
    delete from core.aws_accounts where tenant_id = ${tenantId} and account_ref <> all(${rows.map((r) => r.account_ref)})`
  await saveIssues(
    sql,
    tenantId,
    { source: 'odoo', table: 'c_aws_accounts', kinds: ISSUE_KINDS, pks: 'all' },
    ctx.issues.issues,
  )
  return { entity: 'aws_accounts', examined: accounts.length, written, deleted: removed.count }
}
