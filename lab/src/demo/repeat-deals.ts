// Repeat deals: a customer buys the same kind of project again (a second data-lake migration a year
// later, a renewal, `Phase 2`), so one company holds several deals that differ only in qualifier, dates
// and amount, on both sides. The plan's counts stay exact: a sibling is another planned deal that takes
// the first deal's company and workload, not a deal added on top.
import type { Deal } from './demo-world.ts'
import { niceAmount } from './generate-deals.ts'
import type { Random } from './random.ts'

export const REPEAT_QUALIFIERS = [
  'Phase 2',
  'Phase II',
  'Renewal',
  'Expansion',
  '2027',
  'Year 2',
  'Wave 2',
] as const

/** Turns deals into same-kind siblings for a `rate` share of the companies with deals; tags `deal:repeat`. */
export function applyRepeatDeals(random: Random, deals: Deal[], rate: number, anchorDay: number): void {
  if (rate <= 0) return
  // Deals a sibling can be made of: real Odoo customers, not placeholders (their company is noise).
  const eligible = deals.filter((d) => d.company.inOdoo && d.kind !== 'placeholder')
  const byCompany = new Map<string, Deal[]>()
  for (const deal of eligible) {
    const own = byCompany.get(deal.company.key) ?? []
    own.push(deal)
    byCompany.set(deal.company.key, own)
  }
  const chosen = random.sample([...byCompany.keys()], Math.round(byCompany.size * rate))
  const claimed = new Set<Deal>()
  for (const key of chosen) {
    const own = byCompany.get(key) ?? []
    const first = own.find((d) => !claimed.has(d))
    if (!first) continue
    claimed.add(first)
    const sibling = own.find((d) => !claimed.has(d)) ?? borrow(random, byCompany, claimed, first)
    if (!sibling) continue
    claimed.add(sibling)
    makeSiblings(random, first, sibling, anchorDay)
  }
}

/** A deal from a busy company (three or more deals), preferably one on both sides, moved to `first`'s company. */
function borrow(
  random: Random,
  byCompany: Map<string, Deal[]>,
  claimed: ReadonlySet<Deal>,
  first: Deal,
): Deal | undefined {
  const spare = [...byCompany.values()]
    .filter((own) => own.length >= 3)
    .flatMap((own) => own.filter((d) => !claimed.has(d)))
  const linked = spare.filter((d) => d.inOdoo && d.inAce)
  const pool = linked.length > 0 ? linked : spare
  if (pool.length === 0) return undefined
  const deal = random.pick(pool)
  const donor = byCompany.get(deal.company.key) ?? []
  donor.splice(donor.indexOf(deal), 1)
  byCompany.get(first.company.key)?.push(deal)
  deal.company = first.company
  deal.contact = first.contact
  return deal
}

function makeSiblings(random: Random, first: Deal, second: Deal, anchorDay: number): void {
  const gap = random.int(90, 425) // 3–14 months
  const length = second.closeDay - second.createdDay
  // The later deal carries the qualifier; when a later one would lie in the future, the sibling came first.
  const later = first.createdDay + gap <= anchorDay - 2 ? second : first
  const earlier = later === second ? first : second
  later.qualifier = random.pick(REPEAT_QUALIFIERS)
  if (later === second) second.createdDay = first.createdDay + gap
  else second.createdDay = first.createdDay - gap
  second.closeDay = second.createdDay + length
  if (second.closeDay >= anchorDay && second.outcome !== 'open') second.outcome = 'open'
  second.workload = first.workload
  // The same people buy again, for a similar spend.
  if (first.contact && random.chance(0.7)) second.contact = first.contact
  second.monthlyBudget = niceAmount(first.monthlyBudget * random.float(0.8, 1.6))
  earlier.tags.push('deal:repeat')
  later.tags.push('deal:repeat')
}
