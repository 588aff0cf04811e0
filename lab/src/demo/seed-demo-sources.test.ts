import { randomBytes } from 'node:crypto'
import { connect, dropDatabase, quoteIdent, withDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { ConflictError } from '@revops/engine/shared'
import { afterAll, describe, expect, it } from 'vitest'
import {
  readCompanyTruth,
  readGroundTruth,
  type SeedDemoOptions,
  seedDemoSources,
} from './seed-demo-sources.ts'

interface DemoDatabases {
  odoo: string
  apn: string
  truth: string
}

const SMALL = { companies: 30, odooOpportunities: 60, aceOpportunities: 50, billingMonths: 3 }

describe('seedDemoSources', () => {
  const db = useTestDatabase({ empty: true })
  const created: string[] = []

  function databases(): DemoDatabases {
    const suffix = randomBytes(4).toString('hex')
    const names = { odoo: `demo_odoo_${suffix}`, apn: `demo_apn_${suffix}`, truth: `demo_truth_${suffix}` }
    created.push(names.odoo, names.apn, names.truth)
    return names
  }

  async function seed(options: Partial<SeedDemoOptions> & { databases?: DemoDatabases } = {}) {
    const names = options.databases ?? databases()
    const report = await seedDemoSources({
      serverUrl: db.serverUrl,
      size: SMALL,
      anchorDate: '2026-06-15',
      ...options,
      databases: names,
    })
    return { names, report }
  }

  /** Rows of one query against one of the seeded databases. */
  async function rows<T>(database: string, text: string): Promise<T[]> {
    const sql = connect(withDatabase(db.serverUrl, database), { max: 1 })
    try {
      return [...(await sql.unsafe(text))] as T[]
    } finally {
      await sql.end()
    }
  }

  /** md5 of every table's rows in a fixed order: equal checksums mean byte-identical data. */
  async function checksums(database: string): Promise<Record<string, string>> {
    const tables = await rows<{ table_name: string }>(
      database,
      `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )
    const sums: Record<string, string> = {}
    for (const { table_name } of tables) {
      const [row] = await rows<{ sum: string }>(
        database,
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from ${quoteIdent(table_name)} t`,
      )
      sums[table_name] = row?.sum ?? ''
    }
    return sums
  }

  afterAll(async () => {
    for (const name of created) await dropDatabase(db.serverUrl, name)
  })

  it('produces identical data for the same seed and options', async () => {
    const first = await seed({ seed: 7 })
    const second = await seed({ seed: 7 })
    const other = await seed({ seed: 8 })
    for (const part of ['odoo', 'apn', 'truth'] as const) {
      const sums = await checksums(first.names[part])
      expect(Object.keys(sums).length).toBeGreaterThan(2)
      expect(await checksums(second.names[part])).toEqual(sums)
    }
    expect(await checksums(other.names.apn)).not.toEqual(await checksums(first.names.apn))
  })

  it('honours the requested sizes and reports the counts it loaded', async () => {
    const { names, report } = await seed()
    expect(report.counts.odoo.crm_lead).toBe(SMALL.odooOpportunities)
    expect(report.counts.apn.opportunity).toBe(SMALL.aceOpportunities)
    expect(report.counts.truth.ground_truth).toBe(SMALL.aceOpportunities)
    const [odoo] = await rows<{ leads: number; periods: number }>(
      names.odoo,
      `select (select count(*)::int from crm_lead) as leads,
              (select count(distinct period)::int from c_billing_internal_cur) as periods`,
    )
    expect(odoo).toEqual({ leads: SMALL.odooOpportunities, periods: SMALL.billingMonths })
    const [companies] = await rows<{ n: number }>(
      names.truth,
      'select count(*)::int as n from company where in_odoo',
    )
    expect(companies?.n).toBe(SMALL.companies)
    const [ace] = await rows<{ n: number }>(names.apn, 'select count(*)::int as n from opportunity')
    expect(ace?.n).toBe(SMALL.aceOpportunities)
    const [periods] = await rows<{ first: string; last: string }>(
      names.odoo,
      'select min(period) as first, max(period) as last from c_billing_internal_cur',
    )
    expect(periods).toEqual({ first: '2026-03', last: '2026-05' })
  })

  it('writes translated names as varchar for Odoo 14 and jsonb from Odoo 16', async () => {
    const v14 = await seed({ odooVersion: 14 })
    const v17 = await seed({ odooVersion: 17 })
    const typesOf = async (database: string) =>
      (
        await rows<{ data_type: string }>(
          database,
          `select data_type from information_schema.columns where column_name = 'name'
             and table_name in ('crm_stage', 'crm_team', 'product_template', 'res_country', 'project_project')`,
        )
      ).map((r) => r.data_type)
    expect(await typesOf(v14.names.odoo)).toEqual(Array(5).fill('character varying'))
    expect(await typesOf(v17.names.odoo)).toEqual(Array(5).fill('jsonb'))
    const [won] = await rows<{ name: string }>(
      v17.names.odoo,
      `select name->>'en_US' as name from crm_stage where is_won`,
    )
    expect(won?.name).toBe('Won')
    const lineTypes = async (database: string) =>
      (
        await rows<{ t: string | null }>(database, 'select distinct display_type as t from account_move_line')
      ).map((r) => r.t)
    expect(await lineTypes(v17.names.odoo)).toEqual(
      expect.arrayContaining(['product', 'payment_term', 'line_section']),
    )
    expect(await lineTypes(v14.names.odoo)).toEqual(expect.arrayContaining([null, 'line_section']))
    expect(await lineTypes(v14.names.odoo)).not.toContain('product')
  })

  it('writes a ground truth that covers every ACE opportunity and points at real leads', async () => {
    const { names } = await seed()
    const truth = await readGroundTruth(withDatabase(db.serverUrl, names.truth))
    const aceIds = await rows<{ id: string }>(names.apn, 'select id from opportunity order by id')
    expect(truth.map((t) => t.aceId)).toEqual(aceIds.map((r) => r.id))
    const leadIds = new Set(
      (await rows<{ id: number }>(names.odoo, 'select id from crm_lead')).map((r) => r.id),
    )
    for (const row of truth) {
      if (row.odooLeadId !== null) expect(leadIds.has(row.odooLeadId)).toBe(true)
      const noCounterpart = row.kind === 'aws_referral_no_counterpart' || row.kind === 'ace_only_partner'
      expect(row.odooLeadId === null).toBe(noCounterpart)
    }
    const partners = await readCompanyTruth(withDatabase(db.serverUrl, names.truth))
    expect(partners.filter((c) => c.role === 'company')).toHaveLength(SMALL.companies)
    const partnerIds = new Set(
      (await rows<{ id: number }>(names.odoo, 'select id from res_partner')).map((r) => r.id),
    )
    for (const partner of partners) expect(partnerIds.has(partner.odooPartnerId)).toBe(true)
  })

  it('keeps APN ids as strings and every APN table keyed and timestamped', async () => {
    const { names } = await seed()
    const columns = await rows<{ column_name: string; data_type: string; is_nullable: string }>(
      names.apn,
      `select column_name, data_type, is_nullable from information_schema.columns
       where table_schema = 'public' and column_name in ('id', 'tenant', 'create_ts', 'sync_ts', 'write_ts')`,
    )
    expect(columns).toHaveLength(6 * 5)
    for (const column of columns.filter((c) => c.column_name === 'id'))
      expect(column.data_type).toBe('character varying')
    for (const column of columns.filter((c) => c.column_name === 'create_ts'))
      expect(column.is_nullable).toBe('NO')
    for (const { id } of await rows<{ id: string }>(names.apn, 'select id from opportunity')) {
      expect(id).toMatch(/^O\d{7}$/)
    }
    const [late] = await rows<{ n: number }>(
      names.apn,
      `select count(*)::int as n from opportunity where create_ts >= '2026-06-15' or write_ts >= '2026-06-15'`,
    )
    expect(late?.n).toBe(0)
  })

  it('keeps references between tables consistent, apart from the deliberately orphaned bill lines', async () => {
    const { names } = await seed({
      size: { ...SMALL, companies: 60, odooOpportunities: 150, billingMonths: 6 },
    })
    const odoo: [string, string, string][] = [
      ['crm_lead', 'stage_id', 'crm_stage'],
      ['crm_lead', 'partner_id', 'res_partner'],
      ['crm_lead', 'user_id', 'res_users'],
      ['crm_lead', 'team_id', 'crm_team'],
      ['crm_lead', 'state_id', 'res_country_state'],
      ['crm_lead', 'country_id', 'res_country'],
      ['res_partner', 'parent_id', 'res_partner'],
      ['res_partner', 'commercial_partner_id', 'res_partner'],
      ['res_users', 'partner_id', 'res_partner'],
      ['product_product', 'product_tmpl_id', 'product_template'],
      ['sale_order', 'opportunity_id', 'crm_lead'],
      ['account_move', 'partner_id', 'res_partner'],
      ['account_move', 'reversed_entry_id', 'account_move'],
      ['account_move_line', 'move_id', 'account_move'],
      ['account_move_line', 'product_id', 'product_product'],
      ['project_project', 'partner_id', 'res_partner'],
      ['c_aws_accounts', 'c_aws_company_id', 'res_partner'],
      ['c_aws_accounts', 'payer_id', 'c_aws_accounts'],
      ['c_billing_internal_cur', 'account_id', 'c_aws_accounts'],
      ['c_billing_internal_cur', 'payer_id', 'c_aws_accounts'],
      ['c_billing_bill', 'account_id', 'c_aws_accounts'],
      ['c_billing_bill', 'partner_id', 'res_partner'],
      ['c_billing_bill', 'invoice_id', 'account_move'],
      ['c_billing_bill_line', 'product_id', 'product_product'],
      ['c_billing_spp_bill', 'linked_account_id', 'c_aws_accounts'],
      ['c_billing_ingram_bill', 'linked_account_id', 'c_aws_accounts'],
      ['c_aws_funding_request', 'lead_id', 'crm_lead'],
    ]
    const apn: [string, string, string][] = [
      ['opportunity', 'owner_id', 'users'],
      ['end_user', 'opportunity_id', 'opportunity'],
      ['funding_request', 'opportunity_id', 'opportunity'],
      ['funding_request_history', 'funding_request_id', 'funding_request'],
      ['cash_claim', 'funding_request_id', 'funding_request'],
    ]
    const dangling = async (database: string, [table, column, parent]: [string, string, string]) => {
      const [row] = await rows<{ n: number }>(
        database,
        `select count(*)::int as n from ${quoteIdent(table)} c where c.${quoteIdent(column)} is not null
           and not exists (select 1 from ${quoteIdent(parent)} p where p.id = c.${quoteIdent(column)})`,
      )
      return `${table}.${column}: ${row?.n}`
    }
    for (const reference of odoo) expect(await dangling(names.odoo, reference)).toMatch(/: 0$/)
    for (const reference of apn) expect(await dangling(names.apn, reference)).toMatch(/: 0$/)
    expect(await dangling(names.odoo, ['c_billing_bill_line', 'bill_id', 'c_billing_bill'])).not.toMatch(
      /: 0$/,
    )
  })

  it('refuses to overwrite databases that hold tables unless told to replace them', async () => {
    const { names } = await seed()
    await expect(seed({ databases: names })).rejects.toBeInstanceOf(ConflictError)
    await expect(seed({ databases: names })).rejects.toThrow(/already holds \d+ tables/)
    const { report } = await seed({ databases: names, replace: true, seed: 99 })
    expect(report.counts.apn.opportunity).toBe(SMALL.aceOpportunities)
  })

  it('rejects invalid options before touching the server', async () => {
    await expect(seed({ anchorDate: '2026-02-30' })).rejects.toThrow(/anchorDate/)
    await expect(seed({ world: 'medium' as 'hard' })).rejects.toThrow(/world/)
    await expect(seed({ world: 'hard', phenomena: { rebrands: 1.5 } })).rejects.toThrow(/rebrands/)
    await expect(seed({ phenomena: { rebrand: 0.1 } as never })).rejects.toThrow(/rebrand/)
    const names = databases()
    await expect(seed({ databases: { ...names, apn: names.odoo } })).rejects.toThrow(/different names/)
    const [exists] = await rows<{ n: number }>(
      'postgres',
      `select count(*)::int as n from pg_database where datname = '${names.odoo}'`,
    )
    expect(exists?.n).toBe(0)
  })
})
