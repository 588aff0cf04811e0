// Re-entered leads: the same deal typed into Odoo again weeks later (often by another sales rep). The
// earlier lead is the one an ACE registration belongs to; the later one splits the deal's history and
// its revenue, so it is reported on the later lead as a data-quality issue. Same customer (company, or
// the typed customer name), created within REENTRY_DAYS of each other, and the same deal words in the
// titles once the customer's name and copy markers are taken out. A customer's "Phase 2" or its second
// deal of the same kind a year later is not a re-entry.
import { foldText } from '../fold-text.ts'
import { saveIssues } from './issue-log.ts'
import type { NormalizeContext } from './normalize-context.ts'

export const REENTRY_DAYS = 75
/** Jaccard overlap of the titles' deal words from which two leads name the same deal. */
const SAME_DEAL = 0.75
const COPY_MARKERS = new Set(['copy', 'new', 'duplicate', 'dup'])

/** The words that name the deal: the title's words less the customer's and copy markers. */
export function dealWords(title: string, customer: string | null): Set<string> {
  const words = (text: string) =>
    foldText(text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
  const customerWords = new Set(customer ? words(customer) : [])
  return new Set(words(title).filter((w) => !customerWords.has(w) && !COPY_MARKERS.has(w)))
}

export function sameDeal(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return shared / (a.size + b.size - shared)
}

export async function flagReenteredLeads(ctx: NormalizeContext): Promise<number> {
  // the later lead created after the earlier one, within the window
  const inWindow = ctx.sql`(earlier.created_at, earlier.lead_id) < (later.created_at, later.lead_id)
    and later.created_at - earlier.created_at <= make_interval(days => ${REENTRY_DAYS})`
  const pairs = await ctx.sql<
    {
      pk: string
      lead_id: string
      title: string
      customer: string | null
      earlier_lead_id: string
      earlier_title: string
      earlier_customer: string | null
      days_apart: number
    }[]
  >`
    with leads as (
      select lead_id, raw_pk, company_id, customer_name_normalized as customer, customer_name, created_at, title
      from core.odoo_opportunities
      where tenant_id = ${ctx.tenantId} and created_at is not null and coalesce(title, '') <> ''
    ),
    -- the same customer: one equality per branch, so each is a hash join (an OR of the two made the
    -- planner compare every pair of leads: minutes at 50,000)
    same_customer as (
      select later.lead_id as later_id, earlier.lead_id as earlier_id
      from leads later join leads earlier on earlier.company_id = later.company_id and ${inWindow}
      union
      select later.lead_id, earlier.lead_id
      from leads later join leads earlier
        on earlier.customer = later.customer and earlier.customer <> '' and ${inWindow}
    )
    select later.raw_pk as pk, later.lead_id::text, later.title, later.customer_name as customer,
           earlier.lead_id::text as earlier_lead_id, earlier.title as earlier_title,
           earlier.customer_name as earlier_customer,
           extract(day from later.created_at - earlier.created_at)::int as days_apart
    from same_customer p
    join leads later on later.lead_id = p.later_id
    join leads earlier on earlier.lead_id = p.earlier_id
    order by later.lead_id, earlier.lead_id`
  const found = new Map<string, { pk: string; detail: Record<string, unknown>; overlap: number }>()
  for (const pair of pairs) {
    const overlap = sameDeal(
      dealWords(pair.title, pair.customer),
      dealWords(pair.earlier_title, pair.earlier_customer),
    )
    if (overlap < SAME_DEAL || (found.get(pair.lead_id)?.overlap ?? 0) >= overlap) continue
    found.set(pair.lead_id, {
      pk: pair.pk,
      overlap,
      detail: {
        earlier_lead_id: pair.earlier_lead_id,
        earlier_title: pair.earlier_title,
        days_apart: pair.days_apart,
      },
    })
  }
  await saveIssues(
    ctx.sql,
    ctx.tenantId,
    { source: 'odoo', table: 'crm_lead', kinds: ['reentered_lead'], pks: 'all' },
    [...found.values()].map(({ pk, detail }) => ({
      kind: 'reentered_lead',
      severity: 'warning' as const,
      source: 'odoo',
      table: 'crm_lead',
      pk,
      field: 'name',
      detail,
    })),
  )
  return found.size
}
