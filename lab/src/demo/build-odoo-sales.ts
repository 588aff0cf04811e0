// What follows a won or advanced lead in Odoo: sale orders, projects and AWS funding requests.
import type { CompanyPartners } from './build-odoo-partners.ts'
import type { OdooReference } from './build-odoo-reference.ts'
import { dayToSeconds, formatDay, formatTimestamp, officeSeconds } from './dates.ts'
import type { Deal } from './demo-world.ts'
import { niceAmount } from './generate-deals.ts'
import { timestamps } from './odoo-timestamps.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'
import { shortCompanyLabel } from './titles.ts'

export interface BuiltSales {
  sale_order: Row[]
  project_project: Row[]
  c_aws_funding_request: Row[]
}

export function buildOdooSales(
  random: Random,
  deals: readonly Deal[],
  partners: ReadonlyMap<string, CompanyPartners>,
  reference: OdooReference,
  anchorDay: number,
): BuiltSales {
  const orders: { at: number; row: Row }[] = []
  const projects: { at: number; row: Row }[] = []
  const funding: { at: number; row: Row }[] = []
  for (const deal of deals) {
    if (deal.leadId === null) continue
    const entry = partners.get(deal.company.key)
    if (!entry) continue
    const label = shortCompanyLabel(random, deal.company)
    const wantsOrder =
      (deal.outcome === 'won' && random.chance(0.4)) ||
      (deal.outcome === 'open' && random.chance(0.15)) ||
      (deal.outcome === 'lost' && random.chance(0.05))
    if (wantsOrder) {
      const day = Math.min(deal.closeDay + random.int(-20, 5), anchorDay - 1)
      const at = dayToSeconds(day, officeSeconds(random))
      const untaxed =
        deal.workload.deliveryModel === 'Managed Services'
          ? deal.monthlyBudget * 12 * 0.15
          : random.logNormal(25_000, 0.8)
      const amount = niceAmount(untaxed)
      const tax = deal.company.country === 'US' ? 0 : Math.round(amount * 0.19 * 100) / 100
      const state =
        deal.outcome === 'won'
          ? random.pick(['sale', 'sale', 'done'])
          : deal.outcome === 'lost'
            ? 'cancel'
            : random.pick(['draft', 'sent'])
      orders.push({
        at,
        row: {
          origin: deal.leadTitle,
          client_order_ref: random.chance(0.3) ? `PO-${random.int(10_000, 99_999)}` : null,
          state,
          date_order: formatTimestamp(at),
          partner_id: entry.companyId,
          partner_invoice_id: entry.companyId,
          user_id: entry.rep.userId,
          team_id: entry.rep.teamId,
          currency_id: reference.usdId,
          amount_untaxed: amount,
          amount_tax: tax,
          amount_total: Math.round((amount + tax) * 100) / 100,
          opportunity_id: random.chance(0.9) ? deal.leadId : null,
          company_id: 1,
          ...timestamps(random, at, anchorDay),
        },
      })
    }
    if (
      deal.outcome === 'won' &&
      deal.workload.deliveryModel === 'Professional Services' &&
      random.chance(0.35)
    ) {
      const start = deal.closeDay + random.int(3, 30)
      if (start < anchorDay) {
        const end = start + random.int(30, 200)
        const projectName = `${label} - ${random.pick(deal.workload.phrases)}`
        projects.push({
          at: dayToSeconds(start, officeSeconds(random)),
          row: {
            name: { en_US: projectName }, // varchar in Odoo 14: the loader writes the en_US text
            active: end > anchorDay || random.chance(0.7),
            partner_id: entry.companyId,
            user_id: entry.rep.userId,
            company_id: 1,
            date_start: formatDay(start),
            date: random.chance(0.8) ? formatDay(end) : null,
            description: null,
            ...timestamps(random, dayToSeconds(start), anchorDay),
          },
        })
      }
    }
    if ((deal.workload.key === 'map' && random.chance(0.5)) || random.chance(0.03)) {
      const at = dayToSeconds(
        Math.min(deal.createdDay + random.int(10, 60), anchorDay - 1),
        officeSeconds(random),
      )
      funding.push({
        at,
        row: {
          name: `${random.pick(['MAP Migrate', 'MAP Assess', 'POC', 'ISV WMP'])} - ${label}`,
          partner_id: entry.companyId,
          lead_id: deal.leadId,
          state: random.pick(['draft', 'submitted', 'approved', 'approved', 'rejected', 'completed']),
          amount: niceAmount(random.logNormal(15_000, 0.7)),
          program: random.pick(['MAP', 'POC', 'Migration Acceleration Program', 'ISV Workload Migration']),
          submitted_date: formatDay(Math.floor(at / 86_400)),
          ...timestamps(random, at, anchorDay),
        },
      })
    }
  }
  return {
    sale_order: number(orders, (row, i) => ({ ...row, name: `S${String(i + 1).padStart(5, '0')}` })),
    project_project: number(projects, (row) => row),
    c_aws_funding_request: number(funding, (row) => row),
  }
}

/** Orders records by time and numbers them 1…n. */
function number(items: { at: number; row: Row }[], finish: (row: Row, index: number) => Row): Row[] {
  return items.sort((a, b) => a.at - b.at).map((item, i) => ({ id: i + 1, ...finish(item.row, i) }))
}
