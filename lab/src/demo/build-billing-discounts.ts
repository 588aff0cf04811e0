// What AWS paid back: Solution Provider Program statements (long format, one row per discount kind) and
// distributor statements (wide format, several rows per account and month, totals that do not add up).
import { roundTo } from './aws-services.ts'
import type { AccountMonth } from './build-billing-cur.ts'
import { dayToSeconds, formatDay } from './dates.ts'
import { timestamps } from './odoo-timestamps.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export interface DiscountOptions {
  anchorDay: number
  /** First month index from which an account earns the partner-originated discount. */
  podFrom: ReadonlyMap<number, number>
  isDistribution: (accountMonth: AccountMonth) => boolean
}

const SPP_KINDS = [
  ['Base or Base Tech Discount', 0.06, 1],
  ['Grow Discount', 0.02, 0.25],
  ['Internal Discount', 0.01, 0.05],
  ['PGD Discount', 0.03, 0.1],
  ['NEUR Discount', 0.02, 0.1],
  ['Support', 0.005, 0.3],
] as const

export function buildBillingDiscounts(
  random: Random,
  accountMonths: readonly AccountMonth[],
  options: DiscountOptions,
): { spp: Row[]; ingram: Row[] } {
  const spp: { at: number; row: Row }[] = []
  const ingram: { at: number; row: Row }[] = []
  const kindsByAccount = new Map<number, Set<string>>()
  const lastMonth = Math.max(-1, ...accountMonths.map((am) => am.monthIndex))
  for (const am of accountMonths) {
    if (am.programDiscount <= 0) continue
    // Statements arrive weeks after the month; the latest month often has none yet.
    if (am.monthIndex === lastMonth && random.chance(0.7)) continue
    const at = Math.min(
      dayToSeconds(am.month.lastDay + random.int(18, 40), random.int(30_000, 60_000)),
      dayToSeconds(options.anchorDay) - 7200,
    )
    const eligible = roundTo(am.usage + am.credit, 2)
    const pod = (options.podFrom.get(am.account.id) ?? Number.POSITIVE_INFINITY) <= am.monthIndex
    if (!options.isDistribution(am)) {
      let kinds = kindsByAccount.get(am.account.id)
      if (!kinds) {
        kinds = new Set(SPP_KINDS.filter(([, , share]) => random.chance(share)).map(([kind]) => kind))
        kindsByAccount.set(am.account.id, kinds)
      }
      const compliance = random.weighted<string | null>([
        ['Y', 85],
        ['N', 10],
        [null, 5],
      ])
      const earned: [string, number][] = SPP_KINDS.filter(([kind]) => kinds.has(kind)).map(([kind, rate]) => [
        kind,
        rate,
      ])
      if (pod) earned.push(['POD', 0.03])
      for (const [kind, rate] of earned) {
        spp.push({
          at,
          row: {
            linked_account_id: am.account.id,
            payer_id: am.account.payerId,
            period_date: formatDay(am.month.firstDay),
            total_eligible_revenue: eligible,
            total_discount_earned: roundTo(eligible * rate, 2),
            total_percentage_discount_earned: `${roundTo(rate * 100, 2)}%`,
            discounts_earned: kind,
            EUR_compliance: compliance,
            ...timestamps(random, at, options.anchorDay),
          },
        })
      }
      continue
    }
    const parts = random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ])
    for (let p = 0; p < parts; p++) {
      const sum = roundTo(p === parts - 1 ? eligible / parts : (eligible / parts) * random.float(0.7, 1.3), 2)
      const part = (rate: number, share = 1) => (random.chance(share) ? roundTo(sum * rate, 2) : 0)
      const row = {
        sum: sum,
        base: part(0.04),
        tech_linked: part(0.01, 0.3),
        internal: part(0.005, 0.05),
        partner_originated: pod ? part(0.03) : 0,
        no_eur: random.chance(0.1) ? -part(0.01) : 0,
        support: part(0.005, 0.3),
        net_new_business: part(0.02, 0.15),
        share_shift: part(0.01, 0.1),
        exception: random.chance(0.02) ? part(0.02) : 0,
        psp_plus: part(0.005, 0.2),
      }
      const parts_total = Object.entries(row)
        .filter(([k]) => k !== 'sum')
        .reduce((total, [, v]) => total + v, 0)
      // The distributor's total rarely equals the sum of its columns: adjustments and rounding.
      const drift = random.weighted([
        [0, 65],
        [roundTo(random.float(-5, 5), 2), 20],
        [-row.no_eur, 15],
      ])
      ingram.push({
        at: at + p * 60,
        row: {
          linked_account_id: am.account.id,
          payer_id: am.account.payerId,
          period_date: formatDay(am.month.firstDay),
          ...row,
          total_discount: roundTo(parts_total + drift, 2),
          ingram_invoice_ref: `IM-${am.month.year}-${String(random.int(1, 9_999_999)).padStart(7, '0')}`,
          ...timestamps(random, at + p * 60, options.anchorDay),
        },
      })
    }
  }
  const number = (items: { at: number; row: Row }[]) =>
    items.sort((a, b) => a.at - b.at).map((item, i) => ({ id: i + 1, ...item.row }))
  return { spp: number(spp), ingram: number(ingram) }
}
