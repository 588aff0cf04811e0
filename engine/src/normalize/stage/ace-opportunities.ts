// CORE ACE opportunities from the tenant's ACE source — the APN `opportunity` table, or the Selling API's
// records read through the same column mapping (partner-central/apn-fields.ts) — so a CORE row is the same
// whichever fed it: picklists canonicalised (unknown values reported), the AWS account id canonicalised,
// domains and US states normalised, owners named.

import { apnFieldsFromRecord } from '../../partner-central/apn-fields.ts'
import {
  normalizeAcceptance,
  normalizeAceStage,
  normalizeAceStatus,
  normalizeOpportunityType,
  normalizeOwnership,
  type PicklistValue,
} from '../ace-picklists.ts'
import { canonicalizeAwsAccountId } from '../aws-account-id.ts'
import { normalizeCompanyName } from '../company-name.ts'
import { companyDomainFromEmail, companyDomainFromUrl } from '../domain.ts'
import { normalizeUsState } from '../us-state.ts'
import { anyChanged, changedKeys } from './change-window.ts'
import { deleteCoreRows, upsertCoreRows } from './core-writer.ts'
import { saveIssues } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { isoDateOf, type RawRecord, readRaw, readRawDocs, text, utcTimestamp } from './raw-docs.ts'

const FIELDS = [
  'id',
  'name',
  'partner_project_title',
  'project_description_business_need',
  'customer_first_name',
  'customer_last_name',
  'customer_email',
  'customer_website',
  'customer_city',
  'customer_state',
  'customer_postal_code',
  'customer_country',
  'industry',
  'use_case',
  'opportunity_type',
  'delivery_model',
  'stage_name',
  'status',
  'aws_status',
  'partner_acceptance_status',
  'opportunity_ownership',
  'aws_account',
  'project_budget',
  'close_date',
  'next_step',
  'owner_id',
  'partner_crm_unique_identifier',
  'partner_sales_rep_name',
  'partner_sales_rep_email',
  'aws_sales_rep_name',
  'aws_sales_rep_email',
  'psm_name',
  'psm_email',
  'aws_create_date',
  'aws_last_modified_date',
  'create_ts',
  'write_ts',
]

const ISSUE_KINDS = [
  'malformed_aws_account_id',
  'unknown_picklist_value',
  'placeholder_name',
  'missing_ownership',
  'invalid_crm_id',
  'shared_aws_account',
]

export async function normalizeAceOpportunities(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  const source = ctx.aceSource.name
  const all =
    window.full || (ctx.aceSource.kind === 'postgres' && (await anyChanged(sql, window, source, ['users'])))
  const pks = all ? undefined : await changedKeys(sql, window, source, 'opportunity')
  if (pks && pks.length === 0)
    return { entity: 'ace_opportunities', examined: 0, written: 0, deleted: 0, skipped: true }
  const records = await readAceRecords(ctx, pks)

  const rows = records.filter((r) => !r._deleted).map((record) => aceRow(record, ctx))
  const written = await upsertCoreRows(sql, 'core.ace_opportunities', ['tenant_id', 'ace_id'], rows)
  let deleted = await deleteCoreRows(
    sql,
    'core.ace_opportunities',
    tenantId,
    'ace_id',
    records.filter((r) => r._deleted).map((r) => r._pk),
  )
  if (!pks) {
    const gone =
      await sql`delete from core.ace_opportunities where tenant_id = ${tenantId} and ace_id <> all(${rows.map((r) => r.ace_id)})`
    deleted += gone.count
  }
  await flagSharedAccounts(ctx)
  await saveIssues(
    sql,
    tenantId,
    {
      source,
      table: 'opportunity',
      kinds: ISSUE_KINDS.filter((k) => k !== 'shared_aws_account'),
      pks: pks ?? 'all',
    },
    ctx.issues.issues,
  )
  return { entity: 'ace_opportunities', examined: records.length, written, deleted }
}

/** The ACE records of the window in APN column names, each with its owner's name and e-mail. */
async function readAceRecords(ctx: NormalizeContext, pks: string[] | undefined): Promise<RawRecord[]> {
  const { sql, tenantId } = ctx
  const source = ctx.aceSource.name
  if (ctx.aceSource.kind === 'partnercentral') {
    const docs = await readRawDocs(sql, { tenantId, source, table: 'opportunity', pks })
    return docs.map((doc) =>
      Object.assign(apnFieldsFromRecord(doc.doc as never), { _pk: doc._pk, _deleted: doc._deleted }),
    )
  }
  const records = await readRaw(sql, { tenantId, source, table: 'opportunity', fields: FIELDS, pks })
  const users = await readRaw(sql, { tenantId, source, table: 'users', fields: ['id', 'name', 'email'] })
  const owners = new Map(users.map((u) => [u._pk, { name: text(u.name), email: text(u.email) }]))
  return records.map((record) => {
    const owner = owners.get(record.owner_id ?? '')
    return Object.assign(record, { owner_name: owner?.name ?? null, owner_email: owner?.email ?? null })
  })
}

function aceRow(record: RawRecord, ctx: NormalizeContext) {
  const issue = (
    kind: string,
    severity: 'info' | 'warning',
    field: string,
    detail: Record<string, unknown>,
  ) =>
    ctx.issues.add({
      kind,
      severity,
      source: ctx.aceSource.name,
      table: 'opportunity',
      pk: record._pk,
      field,
      detail,
    })
  const picklist = <T extends string>(field: string, result: PicklistValue<T>) => {
    if (!result.recognised) issue('unknown_picklist_value', 'warning', field, { value: record[field] })
    return result.value
  }
  const name = normalizeCompanyName(record.name)
  if (name.isPlaceholder) issue('placeholder_name', 'warning', 'name', { value: name.display })
  const account = canonicalizeAwsAccountId(record.aws_account)
  if (account.status === 'malformed') {
    issue('malformed_aws_account_id', 'warning', 'aws_account', {
      value: account.raw,
      reason: account.reason,
      suggestion: account.suggestion ?? null,
    })
  }
  const ownership = picklist('opportunity_ownership', normalizeOwnership(record.opportunity_ownership))
  if (!text(record.opportunity_ownership)) issue('missing_ownership', 'warning', 'opportunity_ownership', {})
  const crmId = text(record.partner_crm_unique_identifier)
  if (crmId && !/^\d{1,18}$/.test(crmId))
    issue('invalid_crm_id', 'info', 'partner_crm_unique_identifier', { value: crmId })
  const country = text(record.customer_country)?.toUpperCase() ?? null
  return {
    tenant_id: ctx.tenantId,
    ace_id: record._pk,
    source: ctx.aceSource.name,
    customer_name: name.display || null,
    customer_name_normalized: name.key || null,
    customer_name_is_placeholder: name.isPlaceholder,
    title: text(record.partner_project_title),
    description: text(record.project_description_business_need),
    contact_first_name: text(record.customer_first_name),
    contact_last_name: text(record.customer_last_name),
    email: text(record.customer_email),
    email_domain: companyDomainFromEmail(record.customer_email).domain,
    website: text(record.customer_website),
    website_domain: companyDomainFromUrl(record.customer_website).domain,
    city: text(record.customer_city),
    state_code: normalizeUsState(record.customer_state, country) ?? text(record.customer_state),
    postal_code: text(record.customer_postal_code),
    country_code: country,
    industry: text(record.industry),
    use_case: text(record.use_case),
    opportunity_type: picklist('opportunity_type', normalizeOpportunityType(record.opportunity_type)),
    delivery_model: text(record.delivery_model),
    stage: picklist('stage_name', normalizeAceStage(record.stage_name)),
    status: picklist('status', normalizeAceStatus(record.status)),
    aws_status: text(record.aws_status),
    partner_acceptance: picklist(
      'partner_acceptance_status',
      normalizeAcceptance(record.partner_acceptance_status),
    ),
    ownership,
    aws_account_id_raw: account.raw,
    aws_account_id: account.id,
    aws_account_id_status: account.status,
    project_budget: text(record.project_budget),
    close_date: isoDateOf(record.close_date),
    next_step: text(record.next_step),
    owner_name: text(record.owner_name),
    owner_email: text(record.owner_email),
    partner_crm_id: crmId,
    partner_sales_rep_name: text(record.partner_sales_rep_name),
    partner_sales_rep_email: text(record.partner_sales_rep_email),
    aws_sales_rep_name: text(record.aws_sales_rep_name),
    aws_sales_rep_email: text(record.aws_sales_rep_email),
    psm_name: text(record.psm_name),
    psm_email: text(record.psm_email),
    aws_created_at: utcTimestamp(record.aws_create_date),
    aws_modified_at: utcTimestamp(record.aws_last_modified_date),
    created_at: utcTimestamp(record.create_ts),
    updated_at: utcTimestamp(record.write_ts),
    raw_pk: record._pk,
  }
}

/** One AWS account on several ACE opportunities is worth knowing (POD is one account per opportunity). */
async function flagSharedAccounts(ctx: NormalizeContext): Promise<void> {
  const shared = await ctx.sql<{ ace_id: string; aws_account_id: string; others: string[] }[]>`
    select a.ace_id, a.aws_account_id,
           array(select b.ace_id from core.ace_opportunities b
                 where b.tenant_id = a.tenant_id and b.aws_account_id = a.aws_account_id and b.ace_id <> a.ace_id order by 1) as others
    from core.ace_opportunities a
    where a.tenant_id = ${ctx.tenantId} and a.aws_account_id in (
      select aws_account_id from core.ace_opportunities where tenant_id = ${ctx.tenantId} and aws_account_id is not null
      group by aws_account_id having count(*) > 1)`
  const issues = shared.map((row) => ({
    kind: 'shared_aws_account',
    severity: 'info' as const,
    source: ctx.aceSource.name,
    table: 'opportunity',
    pk: row.ace_id,
    field: 'aws_account',
    detail: { aws_account_id: row.aws_account_id, other_opportunities: row.others },
  }))
  await saveIssues(
    ctx.sql,
    ctx.tenantId,
    { source: ctx.aceSource.name, table: 'opportunity', kinds: ['shared_aws_account'], pks: 'all' },
    issues,
  )
}
