// Small Odoo lookup tables held in memory while normalising: countries, states, stages, teams, users,
// products. They are read in full each run (tens to thousands of rows).
import type { Sql } from '@revops/db'
import { readTranslatedName } from '../translated-name.ts'
import { intId, readRaw, text } from './raw-docs.ts'

export interface OdooDimensions {
  countryCode: Map<number, string>
  stateCode: Map<number, string>
  stage: Map<number, { name: string | null; isWon: boolean }>
  team: Map<number, string | null>
  /** res_users.id -> the user's name (from their res_partner) or login. */
  userName: Map<number, string | null>
  /** product_product.id -> product name (from the template). */
  productName: Map<number, string | null>
}

/** Translated names come as text of a JSON object in 16+ and plain text in 14. */
export function translatedText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  if (trimmed.startsWith('{')) {
    try {
      return readTranslatedName(JSON.parse(trimmed))
    } catch {
      return text(value)
    }
  }
  return text(value)
}

export async function loadOdooDimensions(sql: Sql, tenantId: string): Promise<OdooDimensions> {
  const read = (table: string, fields: string[]) => readRaw(sql, { tenantId, source: 'odoo', table, fields })
  const [countries, states, stages, teams, users, partners, products, templates] = await Promise.all([
    read('res_country', ['id', 'code']),
    read('res_country_state', ['id', 'code']),
    read('crm_stage', ['id', 'name', 'is_won']),
    read('crm_team', ['id', 'name']),
    read('res_users', ['id', 'login', 'partner_id']),
    sql<{ id: string; name: string | null }[]>`
      select source_pk as id, doc->>'name' as name from raw.source_rows
      where tenant_id = ${tenantId} and source = 'odoo' and table_name = 'res_partner' and deleted_at is null
        and source_pk in (select doc->>'partner_id' from raw.source_rows
                          where tenant_id = ${tenantId} and source = 'odoo' and table_name = 'res_users')`,
    read('product_product', ['id', 'product_tmpl_id', 'default_code']),
    read('product_template', ['id', 'name', 'default_code']),
  ])
  const partnerName = new Map(partners.map((p) => [Number(p.id), text(p.name)]))
  const templateName = new Map(
    templates.map((t) => [intId(t.id), translatedText(t.name) ?? text(t.default_code)]),
  )
  return {
    countryCode: new Map(
      countries.flatMap((c) =>
        intId(c.id) !== null && c.code ? [[intId(c.id)!, c.code.toUpperCase()]] : [],
      ),
    ),
    stateCode: new Map(
      states.flatMap((s) => (intId(s.id) !== null && s.code ? [[intId(s.id)!, s.code.toUpperCase()]] : [])),
    ),
    stage: new Map(
      stages.map((s) => [intId(s.id)!, { name: translatedText(s.name), isWon: s.is_won === 'true' }]),
    ),
    team: new Map(teams.map((t) => [intId(t.id)!, translatedText(t.name)])),
    userName: new Map(
      users.map((u) => [intId(u.id)!, partnerName.get(intId(u.partner_id) ?? -1) ?? text(u.login)]),
    ),
    productName: new Map(
      products.map((p) => [intId(p.id)!, templateName.get(intId(p.product_tmpl_id)) ?? text(p.default_code)]),
    ),
  }
}

/** The tables these lookups come from: a change in any of them re-normalises what uses them. */
export const ODOO_DIMENSION_TABLES = [
  'res_country',
  'res_country_state',
  'crm_stage',
  'crm_team',
  'res_users',
  'product_product',
  'product_template',
]
