// The judgement calls on a lead: its stage and probability, how its expected revenue relates to the
// monthly ACE budget (annual, total, unrelated), how origination was typed, how a duplicate was titled.
import type { OdooReference } from './build-odoo-reference.ts'
import type { Deal } from './demo-world.ts'
import { niceAmount } from './generate-deals.ts'
import type { Random } from './random.ts'

export function varyTitle(random: Random, title: string): string {
  return random.weighted<string>([
    [title, 30],
    [`${title} (copy)`, 10],
    [title.toUpperCase(), 5],
    [`${title} - new`, 10],
    [title.replace(/ - /g, ' '), 45],
  ])
}

export interface Stage {
  id: number
  active: boolean
  closed: boolean
  probability: number
  lostReason: number | null
}

export function pickStage(random: Random, deal: Deal, copy: boolean, reference: OdooReference): Stage {
  const s = reference.stages
  const open = () =>
    random.weighted<[number, number]>([
      [[s.new, 10], 20],
      [[s.qualified, 25], 30],
      [[s.proposition, 50], 28],
      [[s.negotiation, 75], 15],
      [[s.onHold, 20], 7],
    ])
  if (copy) {
    // A duplicate is either archived as such or left forgotten in an early stage.
    if (random.chance(0.5)) return { id: s.new, active: false, closed: true, probability: 0, lostReason: 6 }
    return {
      id: random.pick([s.new, s.qualified]),
      active: true,
      closed: false,
      probability: 10,
      lostReason: null,
    }
  }
  if (deal.outcome === 'won')
    return { id: s.won, active: true, closed: true, probability: 100, lostReason: null }
  if (deal.outcome === 'lost')
    return { id: open()[0], active: false, closed: true, probability: 0, lostReason: random.int(1, 5) }
  const [id, base] = open()
  return {
    id,
    active: true,
    closed: false,
    probability: Math.max(1, Math.min(99, Math.round(base + random.normal(0, 6)))),
    lostReason: null,
  }
}

export function expectedRevenue(random: Random, deal: Deal, primary: boolean): number | null {
  const monthly = deal.monthlyBudget
  const kind = random.weighted<string>([
    ['annual', 58],
    ['total', 12],
    ['monthly', 8],
    ['unrelated', 12],
    ['empty', 10],
  ])
  if (primary) deal.tags.push(`revenue:${kind}`)
  if (kind === 'annual') return niceAmount(monthly * 12 * (1 + random.normal(0, 0.08)))
  if (kind === 'total') return niceAmount(monthly * random.pick([24, 36]))
  if (kind === 'monthly') return monthly
  if (kind === 'unrelated') return niceAmount(random.logNormal(30_000, 0.9))
  return random.chance(0.5) ? 0 : null
}

export function origination(random: Random, deal: Deal): string | null {
  if (deal.origin === 'partner') {
    return random.weighted<string | null>([
      ['Partner Originated', 30],
      ['PO', 25],
      ['partner originated', 5],
      ['Partner-Originated', 3],
      ['AWS Originated', 3],
      [null, 34],
    ])
  }
  return random.weighted<string | null>([
    ['AWS Originated', 30],
    ['AO', 25],
    ['aws', 3],
    ['AWS Referral', 4],
    ['Partner Originated', 4],
    [null, 34],
  ])
}
