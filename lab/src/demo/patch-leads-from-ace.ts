// What partners copy by hand from ACE back into Odoo: the custom c_aws_ace_* columns on some leads and
// the weak aws_ace_id hint on about 2% of them. Also decides from which month AWS pays the partner-
// originated discount (POD) on an account, which the discount statements then show.
import type { AceRecord } from './build-ace-opportunities.ts'
import { type Month, parseDay } from './dates.ts'
import type { AwsAccount } from './demo-world.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

export function patchLeadsFromAce(
  random: Random,
  records: readonly AceRecord[],
  leads: ReadonlyMap<number, Row>,
  odooLeadCount: number,
): void {
  const primaries = records.filter((r) => !r.duplicate && r.deal.leadId !== null)
  for (const { row, deal } of primaries) {
    const lead = leads.get(deal.leadId as number)
    if (!lead) continue
    if (random.chance(0.3))
      lead.c_aws_ace_useCase = random.chance(0.9) ? row.use_case : String(row.use_case).toLowerCase()
    if (row.aws_sales_rep_name && random.chance(0.25)) {
      const name = String(row.aws_sales_rep_name)
      lead.c_aws_ace_aWSSalesRepName = random.chance(0.15) ? name.split(' ')[0] : name
    }
    if (row.psm_name && random.chance(0.15)) lead.c_aws_ace_aWSPartnerSuccessManagerName = row.psm_name
  }
  // aws_ace_id: what it points to is unknown in production; half hold the ACE number, half something else.
  for (const { row, deal } of random.sample(primaries, Math.round(odooLeadCount * 0.02))) {
    const lead = leads.get(deal.leadId as number)
    if (!lead) continue
    const aceNumber = Number(String(row.id).slice(1))
    lead.aws_ace_id = random.chance(0.5) ? aceNumber : random.int(1, 600)
    deal.tags.push(lead.aws_ace_id === aceNumber ? 'lead:aws_ace_id_matches' : 'lead:aws_ace_id_other')
  }
}

/** The month index from which each account earns POD: launched, approved partner referrals on it. */
export function findPodStartMonths(
  random: Random,
  records: readonly AceRecord[],
  accounts: readonly AwsAccount[],
  months: readonly Month[],
): Map<number, number> {
  const byNumber = new Map(accounts.map((a) => [a.number, a]))
  const podFrom = new Map<number, number>()
  const monthIndex = (day: number) => {
    if (months.length === 0 || day > (months.at(-1) as Month).lastDay) return null
    const index = months.findIndex((m) => day <= m.lastDay)
    return Math.max(0, index)
  }
  for (const { row } of records) {
    if (
      row.opportunity_ownership !== 'Partner Referral' ||
      row.stage_name !== 'Launched' ||
      row.status !== 'Approved'
    )
      continue
    const account = byNumber.get(String(row.aws_account ?? '').replace(/\D/g, ''))
    if (!account || !random.chance(0.85)) continue
    const from = monthIndex(parseDay(row.close_date as string) + random.int(0, 45))
    if (from === null) continue
    podFrom.set(account.id, Math.min(podFrom.get(account.id) ?? from, from))
  }
  // A few accounts earn POD the partner cannot explain from ACE.
  for (const account of accounts) {
    if (!podFrom.has(account.id) && account.monthlySpend > 0 && random.chance(0.02)) {
      podFrom.set(account.id, random.int(0, Math.max(0, months.length - 1)))
    }
  }
  return podFrom
}
