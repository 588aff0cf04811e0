// GET /billing/summary's core: one set of totals for the selection and period, with the cost taken
// apart by charge category and basis so the figure can be explained line by line.
import type { Sql } from '@revops/db'
import { componentsSelect, factRows, figuresSelect, RESTATED_ROW, sumsSelect } from './billing-facts.ts'
import { type BillingFigures, type FiguresRow, toFigures } from './billing-figures.ts'
import type { BillingQueryInput } from './billing-options.ts'
import { type BillingContext, prepareBillingQuery } from './prepare-billing-query.ts'

export interface CostBreakdown {
  /** Gross categories: usage (with discounted usage), RI fees, Savings Plans, fees, tax, unrecognised. */
  usage: string
  ri_fee: string
  savings_plan: string
  fee: string
  tax: string
  other: string
  gross: string
  credits: string
  refunds: string
  net: string
  spp_discounts: string
  distributor_discounts: string
  net_of_discounts: string
  /** SPP / distributor discount lines of the cost and usage report: shown, in no basis. */
  cur_program_discounts: string
}

export interface BillingSummary {
  context: BillingContext
  totals: BillingFigures
  /** Null when the view has no cost side (products). */
  cost_breakdown: CostBreakdown | null
}

/** Totals of the selection over the period. */
export async function readBillingSummary(sql: Sql, input: BillingQueryInput): Promise<BillingSummary> {
  const { spec, context } = await prepareBillingQuery(sql, input, null)
  const [row] = await sql<(FiguresRow & Record<string, string>)[]>`
    with ${factRows(sql, spec, true)},
    t as (
      select ${sql.unsafe(sumsSelect(true))},
        (select count(distinct month) from u where ${sql.unsafe(RESTATED_ROW)}) as restated_months
      from u)
    select ${sql.unsafe(figuresSelect(spec.attribution))}, ${sql.unsafe(componentsSelect())}
    from t`
  const totals = toFigures(row!)
  const hasCost = spec.attribution.cost !== 'unavailable'
  return {
    context,
    totals,
    cost_breakdown: hasCost
      ? {
          usage: row!.c_usage!,
          ri_fee: row!.c_ri_fee!,
          savings_plan: row!.c_savings_plan!,
          fee: row!.c_fee!,
          tax: row!.c_tax!,
          other: row!.c_other!,
          gross: row!.gross,
          credits: row!.credits,
          refunds: row!.refunds,
          net: row!.c_net!,
          spp_discounts: row!.c_spp_discount!,
          distributor_discounts: row!.c_distributor_discount!,
          net_of_discounts: row!.c_net_of_discounts!,
          cur_program_discounts: row!.c_cur_discount!,
        }
      : null,
  }
}
