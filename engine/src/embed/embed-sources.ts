// Which CORE records the SEARCH stage embeds, and how each becomes its two texts: one reader per
// entity kind, paging in primary-key order.
import type { Sql } from '@revops/db'
import { buildContextText, buildIdentityText } from './texts.ts'

export interface SourceTexts {
  entityId: string
  identity: string | null
  context: string | null
}

export interface EmbedSource {
  entityKind: 'ace_opportunity' | 'odoo_opportunity'
  count(sql: Sql, tenantId: string): Promise<number>
  /** Up to `limit` records after `afterId` (null: from the start), in id order. */
  readPage(sql: Sql, tenantId: string, afterId: string | null, limit: number): Promise<SourceTexts[]>
  /** Removes stored texts of records that no longer exist; returns how many. */
  deleteOrphans(sql: Sql, tenantId: string): Promise<number>
}

export const aceOpportunitySource: EmbedSource = {
  entityKind: 'ace_opportunity',
  async count(sql, tenantId) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from core.ace_opportunities where tenant_id = ${tenantId}`
    return row!.n
  },
  async readPage(sql, tenantId, afterId, limit) {
    const rows = await sql<
      {
        ace_id: string
        customer_name: string | null
        website_domain: string | null
        email_domain: string | null
        title: string | null
        description: string | null
        use_case: string | null
        industry: string | null
      }[]
    >`
      select ace_id, customer_name, website_domain, email_domain, title, description, use_case, industry
      from core.ace_opportunities
      where tenant_id = ${tenantId} and ace_id > ${afterId ?? ''}
      order by ace_id
      limit ${limit}`
    return rows.map((row) => ({
      entityId: row.ace_id,
      identity: buildIdentityText({
        companyName: row.customer_name,
        domains: [row.website_domain, row.email_domain],
      }),
      context: buildContextText({
        title: row.title,
        description: row.description,
        products: [row.use_case],
        industry: row.industry,
      }),
    }))
  },
  async deleteOrphans(sql, tenantId) {
    const result = await sql`
      delete from search.embeddings e
      where e.tenant_id = ${tenantId} and e.entity_kind = 'ace_opportunity'
        and not exists (select 1 from core.ace_opportunities a where a.tenant_id = e.tenant_id and a.ace_id = e.entity_id)`
    return result.count
  },
}

export const odooOpportunitySource: EmbedSource = {
  entityKind: 'odoo_opportunity',
  async count(sql, tenantId) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from core.odoo_opportunities where tenant_id = ${tenantId}`
    return row!.n
  },
  async readPage(sql, tenantId, afterId, limit) {
    const rows = await sql<
      {
        lead_id: string
        customer_name: string | null
        company_name: string | null
        website_domain: string | null
        email_domain: string | null
        company_domain: string | null
        title: string | null
        description_text: string | null
        use_case: string | null
        team_name: string | null
      }[]
    >`
      select o.lead_id::text as lead_id, o.customer_name, c.name as company_name, o.website_domain,
        o.email_domain, c.website_domain as company_domain, o.title, o.description_text, o.use_case, o.team_name
      from core.odoo_opportunities o
      left join core.companies c on c.tenant_id = o.tenant_id and c.company_id = o.company_id
      where o.tenant_id = ${tenantId} and o.lead_id > ${afterId ?? '-9223372036854775808'}::bigint
      order by o.lead_id
      limit ${limit}`
    return rows.map((row) => ({
      entityId: row.lead_id,
      identity: buildIdentityText({
        companyName: row.customer_name ?? row.company_name,
        domains: [row.website_domain, row.email_domain, row.company_domain],
        aliases: [row.company_name],
      }),
      context: buildContextText({
        title: row.title,
        description: row.description_text,
        products: [row.use_case],
        team: row.team_name,
      }),
    }))
  },
  async deleteOrphans(sql, tenantId) {
    const result = await sql`
      delete from search.embeddings e
      where e.tenant_id = ${tenantId} and e.entity_kind = 'odoo_opportunity'
        and not exists (
          select 1 from core.odoo_opportunities o where o.tenant_id = e.tenant_id and o.lead_id = e.entity_id::bigint)`
    return result.count
  },
}

/** Every source the SEARCH stage embeds, in order. */
export const EMBED_SOURCES: EmbedSource[] = [aceOpportunitySource, odooOpportunitySource]
