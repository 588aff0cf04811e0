// CORE partners and companies from res_partner: every partner gets the company it belongs to (its
// commercial partner, else the top of its parent chain); companies carry the domains of their website
// and of their contacts' non-free-mail addresses.
import { normalizeCompanyName } from '../company-name.ts'
import { companyDomainFromEmail, companyDomainFromUrl } from '../domain.ts'
import { normalizeUsState } from '../us-state.ts'
import { anyChanged } from './change-window.ts'
import { upsertCoreRows } from './core-writer.ts'
import { saveIssues } from './issue-log.ts'
import type { EntityResult, NormalizeContext } from './normalize-context.ts'
import { bool, intId, type RawRecord, readRaw, text } from './raw-docs.ts'

const PARTNER_FIELDS = [
  'id',
  'name',
  'is_company',
  'parent_id',
  'commercial_partner_id',
  'email',
  'phone',
  'website',
  'city',
  'zip',
  'state_id',
  'country_id',
  'vat',
  'ref',
  'active',
] as const

const ISSUE_KINDS = [
  'placeholder_name',
  'person_name_as_company',
  'missing_name',
  'invalid_website',
  'partner_parent_cycle',
]

export async function normalizeCompanies(ctx: NormalizeContext): Promise<EntityResult> {
  const { sql, tenantId, window } = ctx
  if (
    !window.full &&
    !(await anyChanged(sql, window, 'odoo', ['res_partner', 'res_country', 'res_country_state']))
  ) {
    return { entity: 'companies', examined: 0, written: 0, deleted: 0, skipped: true }
  }
  const partners = await readRaw(sql, {
    tenantId,
    source: 'odoo',
    table: 'res_partner',
    fields: PARTNER_FIELDS,
  })
  const byId = new Map(partners.flatMap((p) => (intId(p.id) === null ? [] : [[intId(p.id)!, p]])))
  const companyOf = resolveCompanies(byId, ctx)

  const domainsByCompany = new Map<number, Set<string>>()
  const partnerRows = partners.flatMap((p) => {
    const id = intId(p.id)
    if (id === null) return []
    const companyId = companyOf.get(id) ?? id
    const emailDomain = companyDomainFromEmail(p.email).domain
    if (emailDomain) {
      const set = domainsByCompany.get(companyId) ?? new Set<string>()
      set.add(emailDomain)
      domainsByCompany.set(companyId, set)
    }
    return [
      {
        tenant_id: tenantId,
        partner_id: id,
        company_id: companyId,
        is_company: bool(p.is_company),
        name: text(p.name),
        email: text(p.email),
        email_domain: emailDomain,
        active: bool(p.active, true),
        raw_pk: p._pk,
      },
    ]
  })

  const companyRows = partners.flatMap((p) => {
    const id = intId(p.id)
    if (id === null || (companyOf.get(id) ?? id) !== id) return []
    return [companyRow(p, id, [...(domainsByCompany.get(id) ?? [])].sort(), ctx)]
  })

  let written = await upsertCoreRows(sql, 'core.partners', ['tenant_id', 'partner_id'], partnerRows)
  written += await upsertCoreRows(sql, 'core.companies', ['tenant_id', 'company_id'], companyRows)
  const ids = partnerRows.map((row) => row.partner_id)
  const removedPartners =
    await sql`delete from core.partners where tenant_id = ${tenantId} and partner_id <> all(${ids})`
  const companyIds = companyRows.map((row) => row.company_id)
  const removedCompanies =
    await sql`delete from core.companies where tenant_id = ${tenantId} and company_id <> all(${companyIds})`
  await saveIssues(
    sql,
    tenantId,
    { source: 'odoo', table: 'res_partner', kinds: ISSUE_KINDS, pks: 'all' },
    ctx.issues.issues,
  )
  return {
    entity: 'companies',
    examined: partners.length,
    written,
    deleted: removedPartners.count + removedCompanies.count,
  }
}

/** Maps every partner id to its company id (commercial partner, else top of the parent chain). */
function resolveCompanies(byId: Map<number, RawRecord>, ctx: NormalizeContext): Map<number, number> {
  const companyOf = new Map<number, number>()
  for (const [id, partner] of byId) {
    const commercial = intId(partner.commercial_partner_id)
    if (commercial !== null && byId.has(commercial)) {
      companyOf.set(id, commercial)
      continue
    }
    let current = id
    const seen = new Set<number>([id])
    for (;;) {
      const parent = intId(byId.get(current)?.parent_id)
      if (parent === null || !byId.has(parent)) break
      if (seen.has(parent)) {
        ctx.issues.add({
          kind: 'partner_parent_cycle',
          severity: 'error',
          source: 'odoo',
          table: 'res_partner',
          pk: partner._pk,
        })
        break
      }
      seen.add(parent)
      current = parent
    }
    companyOf.set(id, current)
  }
  return companyOf
}

function companyRow(p: RawRecord, id: number, emailDomains: string[], ctx: NormalizeContext) {
  const name = normalizeCompanyName(p.name)
  const isCompany = bool(p.is_company)
  const issue = (
    kind: string,
    severity: 'info' | 'warning',
    field: string,
    detail: Record<string, unknown>,
  ) => ctx.issues.add({ kind, severity, source: 'odoo', table: 'res_partner', pk: p._pk, field, detail })
  if (!name.original || name.display === '') issue('missing_name', 'warning', 'name', {})
  else if (name.isPlaceholder) issue('placeholder_name', 'warning', 'name', { value: name.display })
  else if (isCompany && name.looksLikePerson)
    issue('person_name_as_company', 'info', 'name', { value: name.display })
  const website = companyDomainFromUrl(p.website)
  if (text(p.website) && !website.domain && website.reason !== 'free_mail') {
    issue('invalid_website', 'info', 'website', { value: p.website, reason: website.reason })
  }
  const countryCode = ctx.dimensions.countryCode.get(intId(p.country_id) ?? -1) ?? null
  const stateCode = ctx.dimensions.stateCode.get(intId(p.state_id) ?? -1) ?? null
  return {
    tenant_id: ctx.tenantId,
    company_id: id,
    name: name.display || null,
    name_normalized: name.key || null,
    name_is_placeholder: name.isPlaceholder,
    is_company: isCompany,
    website: text(p.website),
    website_domain: website.domain,
    email_domains: emailDomains,
    phone: text(p.phone),
    city: text(p.city),
    zip: text(p.zip),
    state_code:
      countryCode === 'US' || countryCode === null ? (normalizeUsState(stateCode) ?? stateCode) : stateCode,
    country_code: countryCode,
    vat: text(p.vat),
    ref: text(p.ref),
    active: bool(p.active, true),
    raw_source: 'odoo',
    raw_table: 'res_partner',
    raw_pk: p._pk,
  }
}
