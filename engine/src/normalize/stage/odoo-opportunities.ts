// CORE Odoo opportunities from crm_lead: the customer company resolved through the partner hierarchy
// (or the company name typed on the lead), domains, location, stage, amounts and the tenant's mapped
// custom columns (origination, ACE id hint, ACE fields copied by hand).
import { normalizeCompanyName } from '../company-name.ts'
import { companyDomainFromEmail, companyDomainFromUrl } from '../domain.ts'
import { htmlToText } from '../html-text.ts'
import { normalizeOrigination } from '../origination.ts'
import { normalizeUsState } from '../us-state.ts'
import { changedKeys } from './change-window.ts'
import { deleteCoreRows, upsertCoreRows } from './core-writer.ts'
import { saveIssues } from './issue-log.ts'
import { type EntityResult, type NormalizeContext, removeDuplicates } from './normalize-context.ts'
import { bool, intId, isoDateOf, type RawRecord, readRaw, text, utcTimestamp } from './raw-docs.ts'
import { flagReenteredLeads } from './reentered-leads.ts'

const LEAD_FIELDS = [
  'id',
  'name',
  'type',
  'active',
  'partner_id',
  'partner_name',
  'contact_name',
  'email_from',
  'phone',
  'website',
  'city',
  'zip',
  'state_id',
  'country_id',
  'stage_id',
  'team_id',
  'user_id',
  'expected_revenue',
  'probability',
  'date_deadline',
  'date_closed',
  'description',
  'create_date',
  'write_date',
]

const ISSUE_KINDS = ['placeholder_name', 'lead_without_company', 'unknown_origination_value']

interface CompanyInfo {
  name: string | null
  isCompany: boolean
  websiteDomain: string | null
  emailDomains: string[]
}

export async function normalizeOdooOpportunities(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, mappings } = ctx
  const mapped = mappings.odoo_lead
  const mappedColumns = removeDuplicates(
    [
      mapped.origination,
      mapped.ace_id_hint,
      mapped.use_case,
      mapped.aws_sales_rep_name,
      mapped.psm_name,
    ].filter((c): c is string => Boolean(c)),
  )
  const fields = removeDuplicates([...LEAD_FIELDS, ...mappedColumns])
  const pks = await affectedLeadKeys(ctx)
  if (pks !== 'all' && pks.length === 0)
    return { entity: 'odoo_opportunities', examined: 0, written: 0, deleted: 0, skipped: true }
  const leads = await readRaw(sql, {
    tenantId,
    source: 'odoo',
    table: 'crm_lead',
    fields,
    pks: pks === 'all' ? undefined : pks,
  })
  const companies = await loadCompanies(ctx)
  const partnerRows = await sql<{ partner_id: string; company_id: string; email_domain: string | null }[]>`
    select partner_id, company_id, email_domain from core.partners where tenant_id = ${tenantId}`
  const partners = new Map(
    partnerRows.map((p) => [
      Number(p.partner_id),
      { companyId: Number(p.company_id), emailDomain: p.email_domain },
    ]),
  )

  const live = leads.filter((lead) => !lead._deleted)
  const rows = live.flatMap((lead) => {
    const id = intId(lead.id)
    if (id === null) return []
    const partnerId = intId(lead.partner_id)
    const partner = partnerId === null ? undefined : partners.get(partnerId)
    const company = partner ? companies.get(partner.companyId) : undefined
    const customerName = chooseCustomerName(lead, company)
    const name = normalizeCompanyName(customerName)
    const issue = (
      kind: string,
      severity: 'info' | 'warning',
      field: string,
      detail: Record<string, unknown>,
    ) => ctx.issues.add({ kind, severity, source: 'odoo', table: 'crm_lead', pk: lead._pk, field, detail })
    if (!customerName)
      issue('lead_without_company', 'warning', 'partner_id', { contact: text(lead.contact_name) })
    else if (name.isPlaceholder) issue('placeholder_name', 'warning', 'partner_name', { value: customerName })
    const origination = normalizeOrigination(
      mapped.origination ? lead[mapped.origination] : null,
      mappings.origination_values,
    )
    if (!origination.recognised)
      issue('unknown_origination_value', 'info', 'origination', { value: lead[mapped.origination ?? ''] })
    const stage = ctx.dimensions.stage.get(intId(lead.stage_id) ?? -1)
    const probability = lead.probability === null ? null : Number(lead.probability)
    const active = bool(lead.active, true)
    const countryCode = ctx.dimensions.countryCode.get(intId(lead.country_id) ?? -1) ?? null
    const stateCode = ctx.dimensions.stateCode.get(intId(lead.state_id) ?? -1) ?? null
    return [
      {
        tenant_id: tenantId,
        lead_id: id,
        lead_type: text(lead.type),
        title: text(lead.name),
        active,
        stage_name: stage?.name ?? null,
        is_won: Boolean(stage?.isWon) || probability === 100,
        is_lost: !active && (probability === 0 || probability === null),
        company_id: partner?.companyId ?? null,
        partner_id: partnerId,
        partner_name: text(lead.partner_name),
        customer_name: customerName,
        customer_name_normalized: name.key || null,
        contact_name: text(lead.contact_name),
        email: text(lead.email_from),
        email_domain:
          companyDomainFromEmail(lead.email_from).domain ??
          partner?.emailDomain ??
          company?.emailDomains[0] ??
          null,
        website: text(lead.website),
        website_domain: companyDomainFromUrl(lead.website).domain ?? company?.websiteDomain ?? null,
        phone: text(lead.phone),
        city: text(lead.city),
        zip: text(lead.zip),
        state_code:
          countryCode === 'US' || countryCode === null
            ? (normalizeUsState(stateCode) ?? stateCode)
            : stateCode,
        country_code: countryCode,
        team_name: ctx.dimensions.team.get(intId(lead.team_id) ?? -1) ?? null,
        salesperson: ctx.dimensions.userName.get(intId(lead.user_id) ?? -1) ?? null,
        expected_revenue: text(lead.expected_revenue),
        probability,
        date_deadline: isoDateOf(lead.date_deadline),
        date_closed: utcTimestamp(lead.date_closed),
        description_text: htmlToText(lead.description) || null,
        origination: origination.value,
        origination_raw: mapped.origination ? text(lead[mapped.origination]) : null,
        ace_id_hint: mapped.ace_id_hint ? text(lead[mapped.ace_id_hint]) : null,
        use_case: mapped.use_case ? text(lead[mapped.use_case]) : null,
        aws_sales_rep_name: mapped.aws_sales_rep_name ? text(lead[mapped.aws_sales_rep_name]) : null,
        psm_name: mapped.psm_name ? text(lead[mapped.psm_name]) : null,
        created_at: utcTimestamp(lead.create_date),
        updated_at: utcTimestamp(lead.write_date),
        raw_pk: lead._pk,
      },
    ]
  })

  const written = await upsertCoreRows(sql, 'core.odoo_opportunities', ['tenant_id', 'lead_id'], rows)
  const deletedKeys = leads.filter((lead) => lead._deleted).map((lead) => lead._pk)
  let deleted = await deleteCoreRows(sql, 'core.odoo_opportunities', tenantId, 'lead_id', deletedKeys)
  if (pks === 'all') {
    const gone = await sql`
      delete from core.odoo_opportunities where tenant_id = ${tenantId} and lead_id <> all(${rows.map((r) => r.lead_id)})`
    deleted += gone.count
  }
  await saveIssues(
    sql,
    tenantId,
    {
      source: 'odoo',
      table: 'crm_lead',
      kinds: ISSUE_KINDS,
      pks: pks === 'all' ? 'all' : leads.map((l) => l._pk),
    },
    ctx.issues.issues,
  )
  if (written > 0 || deleted > 0) await flagReenteredLeads(ctx)
  return { entity: 'odoo_opportunities', examined: leads.length, written, deleted }
}

/** The company as the customer: a real company wins, then the name typed on the lead. */
function chooseCustomerName(lead: RawRecord, company: CompanyInfo | undefined): string | null {
  if (company?.isCompany && company.name) return company.name
  return text(lead.partner_name) ?? company?.name ?? null
}

/** Leads to re-normalise: changed leads and leads whose partner or company changed; all after lookup changes. */
async function affectedLeadKeys(ctx: NormalizeContext): Promise<string[] | 'all'> {
  if (ctx.window.full || ctx.dimensionsChanged) return 'all'
  const changedLeads = await changedKeys(ctx.sql, ctx.window, 'odoo', 'crm_lead')
  const changedPartners = await changedKeys(ctx.sql, ctx.window, 'odoo', 'res_partner')
  if (changedPartners.length === 0) return changedLeads
  const viaPartners = await ctx.sql<{ source_pk: string }[]>`
    select l.source_pk from raw.source_rows l
    where l.tenant_id = ${ctx.tenantId} and l.source = 'odoo' and l.table_name = 'crm_lead' and l.deleted_at is null
      and l.doc->>'partner_id' in (
        select partner_id::text from core.partners
        where tenant_id = ${ctx.tenantId} and (partner_id::text = any(${changedPartners}) or company_id::text = any(${changedPartners}))
      )`
  return removeDuplicates([...changedLeads, ...viaPartners.map((row) => row.source_pk)])
}

async function loadCompanies(ctx: NormalizeContext): Promise<Map<number, CompanyInfo>> {
  const rows = await ctx.sql<
    {
      company_id: string
      name: string | null
      is_company: boolean
      website_domain: string | null
      email_domains: string[]
    }[]
  >`
    select company_id, name, is_company, website_domain, email_domains from core.companies where tenant_id = ${ctx.tenantId}`
  return new Map(
    rows.map((row) => [
      Number(row.company_id),
      {
        name: row.name,
        isCompany: row.is_company,
        websiteDomain: row.website_domain,
        emailDomains: row.email_domains,
      },
    ]),
  )
}
