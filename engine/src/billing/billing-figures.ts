// The figures every Cost Explorer row carries (cost, invoice, margin, restatements, how the cost is
// made up), mapped from the SQL of billing-facts.ts. Money stays a decimal string end to end.

export interface BillingFigures {
  /** AWS cost in the query's basis; null when the view cannot attribute cost (products). */
  cost: string | null
  /** Customer invoice (or bill) amount; null when the view cannot attribute it (see context.attribution). */
  invoice: string | null
  /** invoice − cost; null unless both sides are available. */
  margin: string | null
  /** margin ÷ invoice × 100, two decimals; null when the invoice is zero or negative. */
  margin_pct: number | null
  /** The margin is below zero. */
  negative: boolean
  /** Some month here includes cost rows written after it was invoiced (late credits, refunds, usage). */
  restated: boolean
  /** Months (calendar months) with such rows. */
  restated_months: number
  /** Their cost in the query's basis (the rows' current values: a rewritten row counts whole). */
  restated_cost: string | null
  /** How the cost is made up (bases: gross; net = gross + credits + refunds; net_of_discounts = net − partner_discounts). */
  components: { gross: string; credits: string; refunds: string; partner_discounts: string }
}

export interface FiguresRow {
  cost: string | null
  invoice: string | null
  margin: string | null
  margin_pct: string | null
  negative: boolean
  restated_cost: string | null
  restated_months: string | number
  gross: string
  credits: string
  refunds: string
  partner_discounts: string
}

/** Maps a row selected with figuresSelect. */
export function toFigures(row: FiguresRow): BillingFigures {
  const restatedMonths = Number(row.restated_months)
  return {
    cost: row.cost,
    invoice: row.invoice,
    margin: row.margin,
    margin_pct: row.margin_pct === null ? null : Number(row.margin_pct),
    negative: row.negative,
    restated: restatedMonths > 0,
    restated_months: restatedMonths,
    restated_cost: row.restated_cost,
    components: {
      gross: row.gross,
      credits: row.credits,
      refunds: row.refunds,
      partner_discounts: row.partner_discounts,
    },
  }
}
