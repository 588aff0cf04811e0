// Generates the whole demo world in memory: Odoo, APN and ground-truth tables as rows. Pure: the same
// options always give the same rows, byte for byte; each part draws from its own forked generator.

import { applyAcePhenomena } from './ace-phenomena.ts'
import { apnTableSpecs } from './apn-schema.ts'
import { buildAceFollowUps } from './build-ace-follow-ups.ts'
import { buildAceOpportunities, groundTruthRows } from './build-ace-opportunities.ts'
import { buildAcePeople } from './build-ace-people.ts'
import { billRows, buildBills } from './build-billing-bills.ts'
import { buildBillingCur } from './build-billing-cur.ts'
import { buildBillingDiscounts } from './build-billing-discounts.ts'
import { buildInvoices } from './build-billing-invoices.ts'
import { buildOdooLeads } from './build-odoo-leads.ts'
import { buildOdooPartners } from './build-odoo-partners.ts'
import { buildOdooReference } from './build-odoo-reference.ts'
import { buildOdooSales } from './build-odoo-sales.ts'
import { monthsBefore, parseDay } from './dates.ts'
import type { DemoSize, OdooVersion } from './demo-world.ts'
import { generateAccounts } from './generate-accounts.ts'
import { generateCompanies } from './generate-companies.ts'
import { generateDeals } from './generate-deals.ts'
import { TRUTH_TABLES } from './ground-truth.ts'
import { odooTableSpecs } from './odoo-schema.ts'
import { findPodStartMonths, patchLeadsFromAce } from './patch-leads-from-ace.ts'
import { type DemoPhenomena, type DemoWorldName, PHENOMENA_KEYS, PHENOMENA_PRESETS } from './phenomena.ts'
import { planDeals } from './plan-deals.ts'
import { createRandom } from './random.ts'
import { applyRepeatDeals } from './repeat-deals.ts'
import type { Row, TableData } from './table-spec.ts'

export interface DemoWorldOptions {
  seed: number
  size: DemoSize
  odooVersion: OdooVersion
  /** `YYYY-MM-DD`: the world's today. */
  anchorDate: string
  /** APN tenant column value. */
  tenant?: string
  /** The preset recorded in seed_info; `easy` (today's world) when not given. */
  world?: DemoWorldName
  /** Rates of the hard-to-match phenomena; the `world` preset when not given. */
  phenomena?: DemoPhenomena
}

export interface DemoWorld {
  odoo: TableData[]
  apn: TableData[]
  truth: TableData[]
}

/** Builds every table's rows for one seed; nothing here touches a database or the clock. */
export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const { size, odooVersion: version } = options
  const tenant = options.tenant ?? 'northbeam-cloud'
  const random = createRandom(options.seed)
  const anchorDay = parseDay(options.anchorDate)
  const world = options.world ?? 'easy'
  const phenomena = options.phenomena ?? PHENOMENA_PRESETS[world]
  const plan = planDeals(size, phenomena.reenteredLeads)

  const companies = generateCompanies(random.fork('companies'), {
    count: size.companies,
    prospects: plan.prospects,
    anchorDay,
  })
  const deals = generateDeals(random.fork('deals'), companies, { plan, anchorDay })
  applyRepeatDeals(random.fork('repeat-deals'), deals, phenomena.repeatDeals, anchorDay)
  const reference = buildOdooReference(random.fork('reference'), version, anchorDay)
  const partners = buildOdooPartners(random.fork('partners'), companies, reference, { version, anchorDay })
  const leads = buildOdooLeads(
    random.fork('leads'),
    deals,
    partners.byCompany,
    reference,
    anchorDay,
    phenomena.reentryByOtherRep,
  )
  const sales = buildOdooSales(random.fork('sales'), deals, partners.byCompany, reference, anchorDay)
  const accounts = generateAccounts(random.fork('accounts'), companies, partners.byCompany, {
    anchorDay,
    ourPartnerId: reference.ourPartnerId,
  })

  const people = buildAcePeople(random.fork('ace-people'), reference.reps, { anchorDay, tenant })
  const opportunities = buildAceOpportunities(random.fork('ace'), deals, {
    anchorDay,
    tenant,
    companies: new Map(companies.map((c) => [c.key, c])),
    accountsByCompany: accounts.byCompany,
    allAccounts: accounts.accounts.filter((a) => a.company !== null),
    deletedLeadIds: leads.deletedIds,
    ownerFor: people.ownerFor,
    awsSeller: people.awsSeller,
    psm: people.psm,
    crmIdShare: phenomena.crmIdShare,
    earlyAccountShare: phenomena.earlyAccountShare,
  })
  applyAcePhenomena(random.fork('ace-phenomena'), opportunities.records, companies, phenomena)
  const followUps = buildAceFollowUps(random.fork('ace-follow-ups'), opportunities.records, {
    anchorDay,
    tenant,
  })
  patchLeadsFromAce(random.fork('lead-patches'), opportunities.records, leads.rowById, size.odooOpportunities)

  const months = monthsBefore(anchorDay, size.billingMonths)
  const cur = buildBillingCur(random.fork('cur'), accounts.accounts, months, {
    anchorDay,
    usdId: reference.usdId,
    payerIsDistribution: (account) => account.isDistribution,
  })
  const podFrom = findPodStartMonths(random.fork('pod'), opportunities.records, accounts.accounts, months)
  const discounts = buildBillingDiscounts(random.fork('discounts'), cur.accountMonths, {
    anchorDay,
    podFrom,
    isDistribution: (am) => am.account.isDistribution,
  })
  const bills = buildBills(random.fork('bills'), cur.accountMonths, partners.byCompany, reference, {
    anchorDay,
    monthCount: months.length,
  })
  const vendorTotals = months.map((month) => ({ month, aws: 0, ingram: 0 }))
  const distribution = new Map(accounts.accounts.map((a) => [a.id, a.isDistribution]))
  for (const row of cur.rows) {
    const totals = vendorTotals.find((t) => t.month.period === row.period)
    if (!totals) continue
    if (distribution.get(row.account_id as number)) totals.ingram += row.cost as number
    else totals.aws += row.cost as number
  }
  const invoices = buildInvoices(random.fork('invoices'), bills, reference, {
    version,
    anchorDay,
    months,
    vendorTotals,
  })
  const billTables = billRows(random.fork('bill-rows'), bills, reference.usdId, anchorDay)

  const odooSpecs = odooTableSpecs(version)
  const odooRows: Record<keyof typeof odooSpecs, Row[]> = {
    res_currency: reference.rows.res_currency,
    res_country: reference.rows.res_country,
    res_country_state: reference.rows.res_country_state,
    res_partner: [...reference.rows.res_partner, ...partners.rows],
    res_users: reference.rows.res_users,
    crm_team: reference.rows.crm_team,
    crm_stage: reference.rows.crm_stage,
    crm_lead: leads.rows,
    product_template: reference.rows.product_template,
    product_product: reference.rows.product_product,
    sale_order: sales.sale_order,
    account_move: invoices.moves,
    account_move_line: invoices.lines,
    project_project: sales.project_project,
    c_aws_accounts: accounts.rows,
    c_billing_internal_cur: cur.rows,
    c_billing_bill: billTables.bills,
    c_billing_bill_line: billTables.lines,
    c_billing_spp_bill: discounts.spp,
    c_billing_ingram_bill: discounts.ingram,
    c_aws_funding_request: sales.c_aws_funding_request,
  }
  const apnSpecs = apnTableSpecs()
  const apnRows: Record<keyof typeof apnSpecs, Row[]> = {
    users: people.users,
    // Same-length ids (`O` + 7 digits), so code-unit order is numeric order and machine-independent.
    opportunity: [...opportunities.rows].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
    end_user: followUps.end_user,
    funding_request: followUps.funding_request,
    funding_request_history: followUps.funding_request_history,
    cash_claim: followUps.cash_claim,
  }
  const companyTruth: Row[] = []
  for (const [key, entry] of partners.byCompany) {
    companyTruth.push({ company_key: key, odoo_partner_id: entry.companyId, role: 'company' })
    if (entry.duplicateId !== null)
      companyTruth.push({ company_key: key, odoo_partner_id: entry.duplicateId, role: 'duplicate' })
    for (const id of entry.contactIds.values())
      companyTruth.push({ company_key: key, odoo_partner_id: id, role: 'contact' })
  }
  const seedInfo = Object.entries({
    generator: 'revops-demo/1',
    seed: options.seed,
    odoo_version: version,
    anchor_date: options.anchorDate,
    ...size,
    world,
    ...Object.fromEntries(PHENOMENA_KEYS.map((key) => [`phenomenon_${key}`, phenomena[key]])),
  }).map(([key, value]) => ({ key, value: String(value) }))

  return {
    odoo: Object.entries(odooSpecs).map(([name, spec]) => ({
      spec,
      rows: odooRows[name as keyof typeof odooSpecs],
    })),
    apn: Object.entries(apnSpecs).map(([name, spec]) => ({
      spec,
      rows: apnRows[name as keyof typeof apnSpecs],
    })),
    truth: [
      {
        spec: TRUTH_TABLES.ground_truth,
        rows: groundTruthRows(opportunities.records).map((t) => ({ ...t })),
      },
      { spec: TRUTH_TABLES.company_truth, rows: companyTruth },
      {
        spec: TRUTH_TABLES.company,
        rows: companies.map((c) => ({
          company_key: c.key,
          name: c.name,
          in_odoo: c.inOdoo,
          domain: c.domain,
          twin_key: c.twinKey,
          parent_key: c.parentKey,
          former_name: c.formerName,
          acronym: c.acronym,
          duplicate_name: c.duplicateName,
        })),
      },
      { spec: TRUTH_TABLES.seed_info, rows: seedInfo },
    ],
  }
}
