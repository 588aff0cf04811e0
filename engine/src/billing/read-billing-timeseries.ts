// GET /billing/timeseries's core: cost, invoice and margin per month, quarter or year for the selection,
// optionally split into the `limit` largest groups plus `other`. Every bucket of the range is present
// (zero where nothing was charged), so a chart needs no gap filling.
import type { Sql } from '@revops/db'
import type { Attribution } from './billing-attribution.ts'
import { factRows, figuresSelect, RESTATED_ROW, resumSelect, sumsSelect } from './billing-facts.ts'
import { type BillingFigures, type FiguresRow, toFigures } from './billing-figures.ts'
import type { BillingGroup, BillingQueryInput, Granularity } from './billing-options.ts'
import { bucketLabelSql, bucketStartSql, listBuckets } from './billing-periods.ts'
import { groupLabelSql } from './group-labels.ts'
import { type BillingContext, prepareBillingQuery } from './prepare-billing-query.ts'

export interface TimeseriesInput extends BillingQueryInput {
  granularity: Granularity
  splitBy: BillingGroup | null
  /** Series kept when split (the largest by cost, else by invoice); the rest become `other`. */
  limit: number
}

export interface TimePoint extends BillingFigures {
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string
  /** The bucket's first and last month inside the range, `YYYY-MM`. */
  from: string
  to: string
}

export interface TimeSeries {
  key: string | null
  label: string
  aws_account_id: string | null
  /** The sum of the groups after the first `limit`. */
  other: boolean
  points: TimePoint[]
}

export interface BillingTimeseries {
  context: BillingContext
  granularity: Granularity
  split_by: BillingGroup | null
  totals: TimePoint[]
  /** Empty unless split_by is given. */
  series: TimeSeries[]
}

/** The `other` series' key inside the query (keys are digits, service names or ''). */
const OTHER = '*other*'

type Row = FiguresRow & {
  kind: 'series' | 'total'
  bucket: string
  gkey: string | null
  rn: string | null
  name: string | null
  aws_account_id: string | null
}

/** The selection's figures per period, and per group when split. */
export async function readBillingTimeseries(sql: Sql, input: TimeseriesInput): Promise<BillingTimeseries> {
  const { spec, context } = await prepareBillingQuery(sql, input, input.splitBy)
  // Summed by the bucket's first month (a date: cheap to group by), named once summed.
  const bucket = bucketStartSql('u.month', input.granularity)
  const label = (column: string) => bucketLabelSql(column, input.granularity)
  const sums = sumsSelect()
  const figures = figuresSelect(spec.attribution, 't.')
  // Per bucket over every group; restated months counted once however many groups restate them.
  const totals = sql`
    select 'total' as kind, ${sql.unsafe(label('t.bucket'))} as bucket, null::text as gkey, null::bigint as rn, null::text as name,
      null::text as aws_account_id, ${sql.unsafe(figures)}
    from (
      select x.*, lc.restated_months
      from (select ${sql.unsafe(bucket)} as bucket, ${sql.unsafe(sums)} from u group by 1) x
      left join (
        select ${sql.unsafe(bucket)} as bucket, count(distinct u.month) as restated_months
        from u where ${sql.unsafe(RESTATED_ROW)} group by 1) lc on lc.bucket = x.bucket) t`
  let rows: Row[]
  if (input.splitBy === null) {
    rows = await sql<Row[]>`with ${factRows(sql, spec)} ${totals}`
  } else {
    // The largest groups over the whole range (one sum per group), then each row summed into its bucket
    // and series or `other` (one pass), and the totals from those sums; restated months are counted from
    // the few late rows only.
    const labels = groupLabelSql(sql, spec.tenantId, input.splitBy)
    const size = spec.attribution.cost === 'unavailable' ? 'sum(invoice)' : 'sum(cost)'
    const series = `case when r.rn <= ${input.limit} then u.gkey else '${OTHER}' end`
    rows = await sql<Row[]>`
      with ${factRows(sql, spec)},
      r as (select gkey, row_number() over (order by ${sql.unsafe(size)} desc nulls last, gkey) as rn
        from u group by gkey),
      s as (
        select ${sql.unsafe(bucket)} as bucket, ${sql.unsafe(series)} as gkey,
          min(case when r.rn <= ${input.limit} then r.rn end) as rn, max(u.label) as label, ${sql.unsafe(sums)}
        from u join r on r.gkey = u.gkey group by 1, 2),
      late as (
        select distinct ${sql.unsafe(bucket)} as bucket, ${sql.unsafe(series)} as gkey, u.month
        from u join r on r.gkey = u.gkey where ${sql.unsafe(RESTATED_ROW)}),
      lc as (select bucket, gkey, count(*) as restated_months from late group by 1, 2),
      lt as (select bucket, count(distinct month) as restated_months from late group by 1)
      select 'series' as kind, ${sql.unsafe(label('g.bucket'))} as bucket, g.gkey, g.rn, ${sql.unsafe(labels.name)} as name,
        ${sql.unsafe(labels.awsAccountId)} as aws_account_id, ${sql.unsafe(figuresSelect(spec.attribution, 'g.'))}
      from (
        select s.bucket, nullif(s.gkey, ${OTHER}) as gkey, s.rn, s.label, s.gross, s.credit, s.refund,
          s.partner_discount, s.cost, s.restated_cost, s.invoice, lc.restated_months
        from s left join lc on lc.bucket = s.bucket and lc.gkey = s.gkey) g
      ${labels.join}
      union all
      select 'total' as kind, ${sql.unsafe(label('t.bucket'))} as bucket, null::text as gkey, null::bigint as rn,
        null::text as name, null::text as aws_account_id, ${sql.unsafe(figures)}
      from (
        select x.*, lt.restated_months
        from (select s.bucket, ${sql.unsafe(resumSelect())} from s group by 1) x
        left join lt on lt.bucket = x.bucket) t`
  }
  const buckets = listBuckets(context.period.from, context.period.to, input.granularity)
  const pointsOf = (selected: Row[]): TimePoint[] => {
    const byBucket = new Map(selected.map((row) => [row.bucket, row]))
    return buckets.map((b) => {
      const row = byBucket.get(b.period)
      return { ...b, ...(row ? toFigures(row) : zeroFigures(spec.attribution)) }
    })
  }
  const seriesRows = rows.filter((row) => row.kind === 'series')
  const keys = [...new Set(seriesRows.map((row) => row.gkey))]
  const series = keys.map((key) => {
    const own = seriesRows.filter((row) => row.gkey === key)
    const first = own[0]!
    return {
      rank: key === null ? Number.POSITIVE_INFINITY : Number(first.rn),
      key: key === '' ? null : key,
      label: key === null ? 'Other' : (first.name ?? ''),
      aws_account_id: key === null ? null : first.aws_account_id,
      other: key === null,
      points: pointsOf(own),
    }
  })
  series.sort((a, b) => a.rank - b.rank)
  return {
    context,
    granularity: input.granularity,
    split_by: input.splitBy,
    totals: pointsOf(rows.filter((row) => row.kind === 'total')),
    series: series.map(({ rank: _, ...rest }) => rest),
  }
}

function zeroFigures(attribution: Attribution): BillingFigures {
  const hasCost = attribution.cost !== 'unavailable'
  const hasInvoice = attribution.invoice !== 'unavailable'
  return {
    cost: hasCost ? '0' : null,
    invoice: hasInvoice ? '0' : null,
    margin: hasCost && hasInvoice ? '0' : null,
    margin_pct: null,
    negative: false,
    restated: false,
    restated_months: 0,
    restated_cost: hasCost ? '0' : null,
    components: { gross: '0', credits: '0', refunds: '0', partner_discounts: '0' },
  }
}
