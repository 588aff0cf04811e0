// Fact provider `spend`: what the opportunity's registered AWS account cost in the spend month (the
// month before the target close month, or the last closed month standing in), summed over the
// ruleset's charge types from core.billing_cost. No cost rows is a spend of 0, not an unknown.
import type { Sql } from '@revops/db'
import type { FactSet } from '../../rules/fact-catalog.ts'
import { type SpendMonth, spendMonthFor } from '../../rules/fact-dates.ts'
import type { OpportunityFacts } from './opportunity-facts.ts'

export type SpendFacts = FactSet['spend']

/** The charge types summed when a ruleset does not set `spend_charge_types`. */
export const DEFAULT_SPEND_CHARGE_TYPES = ['usage', 'discounted usage', 'RIFee'] as const

export interface SpendFactsOptions {
  tenantId: string
  asOf: string
  /** Charge types summed, compared case-insensitively. */
  chargeTypes: readonly string[]
}

/** The charge types a ruleset's parameters ask for (`spend_charge_types`), else the defaults. */
export function chargeTypesFrom(parameters: Readonly<Record<string, unknown>>): string[] {
  const value = parameters.spend_charge_types
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  return [...DEFAULT_SPEND_CHARGE_TYPES]
}

/**
 * The month whose spend counts: the month before the close month (spendMonthFor). Without a close date
 * there is no such month, so the last closed month stands in and says so.
 */
export function spendMonthOf(opportunity: OpportunityFacts, asOf: string): SpendMonth {
  if (opportunity.close_date) return spendMonthFor(opportunity.close_date, asOf)
  const lastClosed = spendMonthFor(asOf, asOf).month
  return { month: lastClosed, wanted: lastClosed, substituted: true }
}

interface SpendRow {
  aws_account_id: string
  month: string
  amount: string
  cost_rows: number
}

/**
 * Spend facts of the given opportunities, by ACE id: null for an account that is not valid and
 * registered. One query for all of them.
 */
export async function loadSpendFacts(
  sql: Sql,
  options: SpendFactsOptions,
  opportunities: Iterable<OpportunityFacts>,
): Promise<Map<string, SpendFacts>> {
  const result = new Map<string, SpendFacts>()
  const wanted = new Map<string, { account: string; month: SpendMonth; aceIds: string[] }>()
  for (const opportunity of opportunities) {
    if (!opportunity.aws_account_registered || !opportunity.aws_account_id) {
      result.set(opportunity.id, null)
      continue
    }
    const month = spendMonthOf(opportunity, options.asOf)
    const key = `${opportunity.aws_account_id}|${month.month}`
    const entry = wanted.get(key) ?? { account: opportunity.aws_account_id, month, aceIds: [] }
    entry.aceIds.push(opportunity.id)
    wanted.set(key, entry)
  }
  if (wanted.size === 0) return result
  const entries = [...wanted.values()]
  const chargeTypes = options.chargeTypes.map((type) => type.toLowerCase())
  const rows = await sql<SpendRow[]>`
    with wanted as (
      select w.aws_account_id, to_date(w.month, 'YYYY-MM') as month
      from unnest(${entries.map((e) => e.account)}::text[], ${entries.map((e) => e.month.month)}::text[])
        as w(aws_account_id, month)
    )
    select w.aws_account_id, to_char(w.month, 'YYYY-MM') as month,
           coalesce(sum(c.cost), 0)::text as amount, count(c.cost_ref)::int as cost_rows
    from wanted w
    left join core.aws_accounts r on r.tenant_id = ${options.tenantId} and r.aws_account_id = w.aws_account_id
    left join core.billing_cost c
      on c.tenant_id = ${options.tenantId} and c.account_ref = r.account_ref
     and c.month >= w.month and c.month < (w.month + interval '1 month')::date
     and lower(c.charge_type) = any(${chargeTypes}::text[])
    group by w.aws_account_id, w.month`
  const sums = new Map(rows.map((row) => [`${row.aws_account_id}|${row.month}`, row]))
  for (const [key, entry] of wanted) {
    const row = sums.get(key)
    const facts = {
      amount: row ? Number(row.amount) : 0,
      month: entry.month.month,
      month_substituted: entry.month.substituted,
      charge_types: [...options.chargeTypes],
      cost_rows: row?.cost_rows ?? 0,
    }
    for (const aceId of entry.aceIds) result.set(aceId, { ...facts, charge_types: [...facts.charge_types] })
  }
  return result
}
