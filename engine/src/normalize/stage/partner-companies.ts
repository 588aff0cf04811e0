// partner id -> company id, from CORE (normalised earlier in the same run).
import type { Sql } from '@revops/db'

export async function loadPartnerCompanies(sql: Sql, tenantId: string): Promise<Map<number, number>> {
  const rows = await sql<{ partner_id: string; company_id: string }[]>`
    select partner_id, company_id from core.partners where tenant_id = ${tenantId}`
  return new Map(rows.map((row) => [Number(row.partner_id), Number(row.company_id)]))
}
