// The business opportunities behind the records: one deal becomes an Odoo lead, an ACE opportunity,
// or both. Busy customers get many deals, so the matcher must tell a company's deals apart.
import type { Company, Deal, DealOrigin, DealOutcome, TruthKind } from './demo-world.ts'
import type { DealPlan } from './plan-deals.ts'
import type { Random } from './random.ts'
import { QUALIFIERS, WORKLOADS } from './workloads.ts'

export interface GenerateDealsOptions {
  plan: DealPlan
  anchorDay: number
}

type DealKind = Deal['kind']

/** Generates every deal in the plan, in no particular order. */
export function generateDeals(
  random: Random,
  companies: readonly Company[],
  options: GenerateDealsOptions,
): Deal[] {
  const { plan, anchorDay } = options
  const odooCompanies = companies.filter((c) => c.inOdoo)
  const active = odooCompanies.filter((c) => c.activity > 0)
  const anyOdoo = odooCompanies.map((c) => [c, c.activity + 0.4] as const)
  const byActivity = active.length > 0 ? active.map((c) => [c, c.activity] as const) : anyOdoo
  const prospects = companies.filter((c) => !c.inOdoo)
  const deals: Deal[] = []
  const add = (company: Company, kind: DealKind, origin: DealOrigin, inOdoo: boolean, inAce: boolean) => {
    deals.push(makeDeal(random, company, kind, origin, inOdoo, inAce, anchorDay, deals.length + 1))
  }

  for (let i = 0; i < plan.registered; i++)
    add(random.weighted(byActivity), 'registered', 'partner', true, true)
  for (let i = 0; i < plan.awsReferralMatched; i++) {
    add(random.weighted(byActivity), 'aws_referral_matched', 'aws', true, true)
  }
  for (let i = 0; i < plan.odooOnly; i++) {
    add(random.weighted(byActivity), 'odoo_only', random.chance(0.85) ? 'partner' : 'aws', true, false)
  }
  for (let i = 0; i < plan.placeholders; i++)
    add(random.weighted(anyOdoo), 'placeholder', 'partner', true, false)
  for (let i = 0; i < plan.aceOnlyPartner; i++)
    add(random.weighted(anyOdoo), 'ace_only_partner', 'partner', false, true)
  for (let i = 0; i < plan.awsReferralNoCounterpart; i++) {
    const company = i < prospects.length ? (prospects[i] as Company) : random.weighted(anyOdoo)
    add(company, 'aws_referral_no_counterpart', 'aws', false, true)
  }

  const linked = deals.filter((d) => d.inOdoo && d.inAce)
  for (const deal of random.sample(linked, plan.duplicateRegistrations)) deal.duplicateRegistration = true
  // Duplicate leads are mostly of registered deals (someone re-entered a live deal), some of others.
  const linkedShare = Math.round(plan.duplicateLeads * 0.7)
  const dupLinked = random.sample(linked, linkedShare)
  const others = deals.filter((d) => d.kind === 'odoo_only')
  const dupOthers = random.sample(others, plan.duplicateLeads - dupLinked.length)
  for (const deal of [...dupLinked, ...dupOthers]) {
    deal.duplicateLead = true
    if (deal.inAce) deal.kind = 'duplicate_lead'
  }
  // The rare leftover when the samples ran short: take any Odoo deal so the lead count stays exact.
  let missing = plan.duplicateLeads - dupLinked.length - dupOthers.length
  for (const deal of deals) {
    if (missing <= 0) break
    if (deal.inOdoo && !deal.duplicateLead && deal.kind !== 'placeholder') {
      deal.duplicateLead = true
      if (deal.inAce) deal.kind = 'duplicate_lead'
      missing--
    }
  }
  return deals
}

function makeDeal(
  random: Random,
  company: Company,
  kind: DealKind,
  origin: DealOrigin,
  inOdoo: boolean,
  inAce: boolean,
  anchorDay: number,
  index: number,
): Deal {
  // Two thirds close within the last ten months or the next six; older deals thin out into the past.
  const recent = random.chance(0.65)
  const past = -300 - Math.min(700, Math.round(-Math.log(1 - random.next()) * 170))
  const closeDay = anchorDay + (recent ? random.int(-300, 180) : past)
  const lead = Math.round(Math.min(400, Math.max(14, random.logNormal(95, 0.6))))
  const createdDay = Math.min(closeDay - lead, anchorDay - random.int(2, 20))
  return {
    key: `D${String(index).padStart(5, '0')}`,
    company,
    contact: company.contacts.length > 0 && random.chance(0.9) ? random.pick(company.contacts) : null,
    workload: random.pick(WORKLOADS),
    qualifier: random.chance(0.3) ? random.pick(QUALIFIERS) : null,
    origin,
    outcome: pickOutcome(random, closeDay, anchorDay, kind as TruthKind),
    monthlyBudget: niceAmount(random.logNormal(Math.max(400, company.monthlySpend * 0.7), 0.8)),
    createdDay,
    closeDay,
    inOdoo,
    inAce,
    kind,
    duplicateLead: false,
    duplicateRegistration: false,
    leadId: null,
    duplicateLeadId: null,
    leadTitle: null,
    repName: null,
    tags: [],
  }
}

function pickOutcome(random: Random, closeDay: number, anchorDay: number, kind: TruthKind): DealOutcome {
  if (kind === 'aws_referral_no_counterpart')
    return random.weighted<DealOutcome>([
      ['open', 55],
      ['lost', 35],
      ['won', 10],
    ])
  if (closeDay < anchorDay - 21)
    return random.weighted<DealOutcome>([
      ['won', 50],
      ['lost', 38],
      ['open', 12],
    ])
  return random.weighted<DealOutcome>([
    ['open', 85],
    ['won', 8],
    ['lost', 7],
  ])
}

/** Rounds an amount the way people estimate: to 50s under 1k, 100s under 10k, 500s above. */
export function niceAmount(value: number): number {
  if (value < 1_000) return Math.max(100, Math.round(value / 50) * 50)
  if (value < 10_000) return Math.round(value / 100) * 100
  return Math.round(value / 500) * 500
}
