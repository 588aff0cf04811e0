// The evaluation answer key, kept in its own database that the pipeline never reads: which Odoo lead
// each ACE opportunity is (or none, and why), which Odoo partners are which company, and how companies
// relate (twins that must not be merged, parents, former names, acronyms).
import { connect } from '@revops/db'
import type { TruthKind } from './demo-world.ts'
import type { TableSpec } from './table-spec.ts'

export interface GroundTruthRow {
  aceId: string
  /** The crm_lead.id this ACE opportunity was registered from; null when Odoo has no counterpart. */
  odooLeadId: number | null
  companyKey: string
  kind: TruthKind
  /** What was done to the records (`name:typo; crm_id:set; account:dashes`), for error analysis. */
  note: string
}

export interface CompanyTruthRow {
  companyKey: string
  odooPartnerId: number
  role: 'company' | 'duplicate' | 'contact'
}

export const TRUTH_TABLES: Record<'ground_truth' | 'company_truth' | 'company' | 'seed_info', TableSpec> = {
  ground_truth: {
    name: 'ground_truth',
    columns: [
      'ace_id text primary key',
      'odoo_lead_id bigint null',
      'company_key text not null',
      'kind text not null',
      'note text not null',
    ],
    indexes: [['odoo_lead_id'], ['kind']],
  },
  company_truth: {
    name: 'company_truth',
    columns: ['company_key text not null', 'odoo_partner_id bigint primary key', 'role text not null'],
    indexes: [['company_key']],
  },
  company: {
    name: 'company',
    columns: [
      'company_key text primary key',
      'name text not null',
      'in_odoo boolean not null',
      'domain text',
      'twin_key text',
      'parent_key text',
      'former_name text',
      'acronym text',
      'duplicate_name text',
    ],
  },
  seed_info: {
    name: 'seed_info',
    columns: ['key text primary key', 'value text not null'],
  },
}

/** Reads every ground-truth row, ordered by ACE id. */
export async function readGroundTruth(truthUrl: string): Promise<GroundTruthRow[]> {
  const sql = connect(truthUrl, { max: 1, applicationName: 'revops-demo-truth' })
  try {
    const rows = await sql<
      { ace_id: string; odoo_lead_id: string | null; company_key: string; kind: TruthKind; note: string }[]
    >`
      select ace_id, odoo_lead_id, company_key, kind, note from ground_truth order by ace_id`
    return rows.map((row) => ({
      aceId: row.ace_id,
      odooLeadId: row.odoo_lead_id === null ? null : Number(row.odoo_lead_id),
      companyKey: row.company_key,
      kind: row.kind,
      note: row.note,
    }))
  } finally {
    await sql.end()
  }
}

/** Reads which res_partner ids belong to which company (its record, its duplicate, its contacts). */
export async function readCompanyTruth(truthUrl: string): Promise<CompanyTruthRow[]> {
  const sql = connect(truthUrl, { max: 1, applicationName: 'revops-demo-truth' })
  try {
    const rows = await sql<{ company_key: string; odoo_partner_id: string; role: CompanyTruthRow['role'] }[]>`
      select company_key, odoo_partner_id, role from company_truth order by company_key, odoo_partner_id`
    return rows.map((row) => ({
      companyKey: row.company_key,
      odooPartnerId: Number(row.odoo_partner_id),
      role: row.role,
    }))
  } finally {
    await sql.end()
  }
}
