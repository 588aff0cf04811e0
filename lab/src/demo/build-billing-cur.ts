// c_billing_internal_cur: what AWS charged the partner, rolled up by linked account × service × charge
// type × month. Credits, refunds and program discounts are negative; some months are restated late.
import {
  AWS_SERVICES,
  type AwsService,
  type ChargeType,
  roundTo,
  SAVINGS_PLAN_SERVICE,
  SUPPORT_SERVICE,
} from './aws-services.ts'
import { dayToSeconds, formatDay, formatTimestamp, type Month } from './dates.ts'
import type { AwsAccount } from './demo-world.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

/** One billed account-month, summarised for the bills, invoices and discount statements. */
export interface AccountMonth {
  account: AwsAccount
  monthIndex: number
  month: Month
  /** Charges at public price: usage, RI and Savings Plan fees, covered usage net of negation. */
  usage: number
  support: number
  tax: number
  credit: number
  refund: number
  /** Program discount earned (positive amount; the CUR row is negative). */
  programDiscount: number
}

interface Profile {
  services: { service: AwsService; share: number }[]
  savingsPlan: number
  reserved: number
  support: boolean
  taxRate: number
  creditFrom: number
  creditTo: number
  creditShare: number
  naming: 'name' | 'code' | 'switch'
  trend: number
  discountRate: number
}

export interface CurResult {
  rows: Row[]
  accountMonths: AccountMonth[]
}

export function buildBillingCur(
  random: Random,
  accounts: readonly AwsAccount[],
  months: readonly Month[],
  options: { anchorDay: number; usdId: number; payerIsDistribution: (account: AwsAccount) => boolean },
): CurResult {
  const rows: Row[] = []
  const accountMonths: AccountMonth[] = []
  const end = dayToSeconds(options.anchorDay) - 3600
  const switchAt = Math.floor(months.length * 0.4)
  const importAt = months.map((month) =>
    Math.min(dayToSeconds(month.lastDay + random.int(2, 5), 3 * 3600), end - 7200),
  )
  let clock = 0
  const push = (
    account: AwsAccount,
    m: number,
    service: AwsService,
    profile: Profile,
    charge: ChargeType,
    cost: number,
    at?: number,
  ) => {
    const month = months[m] as Month
    const useCode = profile.naming === 'code' || (profile.naming === 'switch' && m >= switchAt)
    const created = at ?? (importAt[m] as number) + (clock++ % 3000)
    const rewritten = random.chance(0.03)
    rows.push({
      account_id: account.id,
      payer_id: account.payerId ?? account.id,
      company_id: 1,
      service: random.chance(0.02)
        ? useCode
          ? service.name
          : service.code
        : useCode
          ? service.code
          : service.name,
      charge_type: charge,
      cost: roundTo(cost, 6),
      company_currency_id: options.usdId,
      period: month.period,
      period_date: formatDay(month.firstDay),
      create_uid: 1,
      write_uid: 1,
      create_date: formatTimestamp(created),
      write_date: formatTimestamp(
        rewritten ? Math.min(created + random.int(20, 200) * 86_400, end) : created,
      ),
    })
  }

  for (const account of accounts) {
    if (account.monthlySpend <= 0 || !account.company) continue
    const profile = makeProfile(random, account, months.length)
    const distribution = options.payerIsDistribution(account)
    const underPartnerPayer = !account.isPayer
    for (let m = 0; m < months.length; m++) {
      const month = months[m] as Month
      if (month.lastDay < account.joinDay) continue
      if (account.closedDay !== null && month.firstDay > account.closedDay) continue
      const monthsLive = Math.floor((month.lastDay - account.joinDay) / 30)
      const ramp = Math.min(1, (monthsLive + 1) / 3)
      const spend =
        account.monthlySpend *
        ramp *
        (1 + profile.trend) ** (m - months.length / 2) *
        random.logNormal(1, 0.12)
      const summary: AccountMonth = {
        account,
        monthIndex: m,
        month,
        usage: 0,
        support: 0,
        tax: 0,
        credit: 0,
        refund: 0,
        programDiscount: 0,
      }
      let savingsPlanCovered = 0
      for (const { service, share } of profile.services) {
        const cost = spend * share
        if (service.savingsPlan && profile.savingsPlan > 0) {
          const covered = cost * profile.savingsPlan
          push(account, m, service, profile, 'usage', cost - covered)
          push(account, m, service, profile, 'SavingsPlanCoveredUsage', covered)
          push(account, m, service, profile, 'SavingsPlanNegation', -covered)
          savingsPlanCovered += covered
          summary.usage += cost - covered
        } else if (service.reserved && profile.reserved > 0) {
          const covered = cost * profile.reserved
          push(account, m, service, profile, 'usage', cost - covered)
          push(account, m, service, profile, 'discounted usage', random.chance(0.7) ? 0 : covered * 0.01)
          push(account, m, service, profile, 'RIFee', covered * 0.62)
          summary.usage += cost - covered + covered * 0.62
        } else {
          push(account, m, service, profile, 'usage', cost)
          summary.usage += cost
        }
      }
      if (savingsPlanCovered > 0) {
        push(account, m, SAVINGS_PLAN_SERVICE, profile, 'Fee', savingsPlanCovered * 0.72)
        summary.usage += savingsPlanCovered * 0.72
      }
      const main = (profile.services[0] as { service: AwsService }).service
      if (profile.support) {
        summary.support = Math.max(100, summary.usage * 0.1)
        push(account, m, SUPPORT_SERVICE, profile, 'Fee', summary.support)
      }
      if (profile.taxRate > 0) {
        summary.tax = summary.usage * profile.taxRate
        push(account, m, main, profile, 'Tax', summary.tax)
      }
      if (m >= profile.creditFrom && m <= profile.creditTo) {
        summary.credit = -summary.usage * profile.creditShare
        push(account, m, main, profile, 'Credit', summary.credit)
      }
      if (random.chance(0.01)) {
        summary.refund = -summary.usage * random.float(0.05, 0.4)
        push(account, m, random.pick(profile.services).service, profile, 'Refund', summary.refund)
      }
      if (underPartnerPayer && profile.discountRate > 0) {
        summary.programDiscount = (summary.usage + summary.credit) * profile.discountRate
        const charge: ChargeType = distribution
          ? 'Distributor Discount'
          : 'Solution Provider Program Discount'
        for (const { service, share } of profile.services.slice(0, 2)) {
          push(
            account,
            m,
            service,
            profile,
            charge,
            -summary.programDiscount * (share / sharesOf(profile, 2)),
          )
        }
      }
      if (m < months.length - 1 && random.chance(0.015)) {
        // A late restatement: AWS adjusts a month the partner has already invoiced.
        const late = Math.min(dayToSeconds(month.lastDay + random.int(30, 120), random.int(0, 86_000)), end)
        const adjustment = random.chance(0.6)
          ? -summary.usage * random.float(0.02, 0.2)
          : summary.usage * random.float(0.01, 0.08)
        push(
          account,
          m,
          main,
          profile,
          adjustment < 0 ? random.pick(['Credit', 'Refund'] as const) : 'usage',
          adjustment,
          late,
        )
      }
      accountMonths.push(summary)
    }
  }
  // Ids follow insertion: month by month as the imports ran, restatements last.
  rows.sort((a, b) => compareText(a.create_date as string, b.create_date as string))
  return { rows: rows.map((row, i) => ({ id: i + 1, ...row })), accountMonths }
}

function sharesOf(profile: Profile, top: number): number {
  return profile.services.slice(0, top).reduce((sum, s) => sum + s.share, 0)
}

function makeProfile(random: Random, account: AwsAccount, monthCount: number): Profile {
  const count = account.isPayer
    ? 2
    : random.weighted([
        [2, 10],
        [3, 20],
        [4, 25],
        [5, 20],
        [6, 12],
        [8, 8],
        [10, 5],
      ])
  const picked: AwsService[] = []
  const pool = [...AWS_SERVICES]
  while (picked.length < count && pool.length > 0) {
    const service = random.weighted(pool.map((s) => [s, s.weight] as const))
    picked.push(service)
    pool.splice(pool.indexOf(service), 1)
  }
  const raw = picked.map((service) => ({ service, weight: service.weight * random.float(0.3, 1.7) }))
  raw.sort((a, b) => b.weight - a.weight)
  const total = raw.reduce((sum, s) => sum + s.weight, 0)
  const creditFrom = random.chance(0.1) ? random.int(0, monthCount - 1) : monthCount
  const taxable = account.company?.country === 'US' && random.chance(0.35)
  return {
    services: raw.map(({ service, weight }) => ({ service, share: weight / total })),
    savingsPlan: random.chance(0.2) ? random.float(0.3, 0.7) : 0,
    reserved: random.chance(0.15) ? random.float(0.3, 0.8) : 0,
    support: random.chance(0.4),
    taxRate: taxable ? random.pick([0.06, 0.0625, 0.07, 0.0825, 0.095, 0.1025]) : 0,
    creditFrom,
    creditTo: creditFrom + random.int(2, 6),
    creditShare: random.float(0.2, 0.6),
    naming: random.weighted([
      ['name', 35],
      ['code', 25],
      ['switch', 40],
    ]),
    trend: random.normal(0.01, 0.02),
    discountRate: random.chance(0.92) ? random.pick([0.05, 0.06, 0.065, 0.07]) : 0,
  }
}

/** Plain code-unit order: locale collation could differ between machines and break determinism. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
