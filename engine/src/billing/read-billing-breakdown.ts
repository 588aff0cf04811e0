// GET /billing/breakdown's core: cost, invoice and margin per account, customer, payer, service or
// product, sorted and cut to the first `limit` groups, with the rest summed as `other` and the total,
// so the rows on screen always add up to the total.
import type { Sql } from '@revops/db'
import { ValidationError } from '../shared/errors.ts'
import { factRows, figuresSelect, RESTATED_ROW, resumSelect, sumsSelect } from './billing-facts.ts'
import { type BillingFigures, type FiguresRow, toFigures } from './billing-figures.ts'
import type { BillingGroup, BillingQueryInput, BreakdownSort } from './billing-options.ts'
import { groupLabelSql } from './group-labels.ts'
import { type BillingContext, prepareBillingQuery } from './prepare-billing-query.ts'

export interface BreakdownInput extends BillingQueryInput {
  groupBy: BillingGroup
  /** Default: cost, or invoice where the view has no cost. */
  sort?: BreakdownSort | undefined
  order: 'asc' | 'desc'
  limit: number
}

export interface BreakdownGroup extends BillingFigures {
  rank: number
  /** Account ref, payer ref, customer id, service name or product id; null for the rows without one. */
  key: string | null
  label: string
  /** Accounts and payers: the 12-digit number (null when missing or malformed in Odoo). */
  aws_account_id: string | null
  /** Accounts, payers and customers: the customer company id. */
  customer_id: string | null
}

export interface BillingBreakdown {
  context: BillingContext
  group_by: BillingGroup
  sort: BreakdownSort
  order: 'asc' | 'desc'
  limit: number
  groups: BreakdownGroup[]
  /** The groups after the first `limit`, summed; null when there are none. */
  other: (BillingFigures & { groups: number }) | null
  total: BillingFigures & { groups: number }
}

const SORT_SQL: Readonly<Record<BreakdownSort, string>> = {
  cost: 'coalesce(cost, 0)',
  invoice: 'coalesce(invoice, 0)',
  margin: 'coalesce(invoice, 0) - coalesce(cost, 0)',
  margin_pct:
    'case when coalesce(invoice, 0) > 0 then (coalesce(invoice, 0) - coalesce(cost, 0)) / coalesce(invoice, 0) end',
  name: 'name',
}

type Row = FiguresRow & {
  kind: 'group' | 'other' | 'total'
  rn: string | null
  gkey: string | null
  name: string | null
  aws_account_id: string | null
  customer_id: string | null
  groups: string
}

/** Groups of the selection over the period. */
export async function readBillingBreakdown(sql: Sql, input: BreakdownInput): Promise<BillingBreakdown> {
  const { spec, context } = await prepareBillingQuery(sql, input, input.groupBy)
  const { attribution } = spec
  const sort = input.sort ?? (attribution.cost === 'unavailable' ? 'invoice' : 'cost')
  const needsCost = sort === 'cost' || sort === 'margin' || sort === 'margin_pct'
  const needsInvoice = sort === 'invoice' || sort === 'margin' || sort === 'margin_pct'
  if (
    (needsCost && attribution.cost === 'unavailable') ||
    (needsInvoice && attribution.invoice === 'unavailable')
  )
    throw new ValidationError(`query.sort: ${sort} is not available in this view (see the notes)`, {
      fields: [{ field: 'query.sort', problem: `${sort} is not available in this view` }],
      notes: attribution.notes,
    })
  const labels = groupLabelSql(sql, spec.tenantId, input.groupBy)
  const direction = input.order === 'asc' ? 'asc' : 'desc'
  const figures = figuresSelect(attribution)
  const resum = resumSelect()
  const rows = await sql<Row[]>`
    with ${factRows(sql, spec)},
    g as (select gkey, max(label) as label, ${sql.unsafe(sumsSelect())} from u group by gkey),
    lm as (select distinct gkey, month from u where ${sql.unsafe(RESTATED_ROW)}),
    n as (
      select g.*, coalesce(lc.restated_months, 0) as restated_months, ${sql.unsafe(labels.name)} as name,
        ${sql.unsafe(labels.awsAccountId)} as aws_account_id, ${sql.unsafe(labels.customerId)} as customer_id
      from g
      left join (select gkey, count(*) as restated_months from lm group by gkey) lc on lc.gkey = g.gkey
      ${labels.join}),
    ranked as (
      select n.*, row_number() over (
        order by ${sql.unsafe(SORT_SQL[sort])} ${sql.unsafe(direction)} nulls last, name, gkey) as rn
      from n)
    select 'group' as kind, rn, gkey, name, aws_account_id, customer_id, 1::bigint as groups,
      ${sql.unsafe(figures)}
    from ranked where rn <= ${input.limit}
    union all
    select 'other', null, null, null, null, null, o.groups, ${sql.unsafe(figures)}
    from (
      select ${sql.unsafe(resum)}, count(*) as groups,
        (select count(distinct lm.month) from lm join ranked r on r.gkey = lm.gkey where r.rn > ${input.limit})
          as restated_months
      from ranked where rn > ${input.limit}) o
    where o.groups > 0
    union all
    select 'total', null, null, null, null, null, t.groups, ${sql.unsafe(figures)}
    from (
      select ${sql.unsafe(resum)}, count(*) as groups, (select count(distinct month) from lm) as restated_months
      from ranked) t
    order by 1, 2`
  const total = rows.find((row) => row.kind === 'total')!
  const other = rows.find((row) => row.kind === 'other')
  return {
    context,
    group_by: input.groupBy,
    sort,
    order: input.order,
    limit: input.limit,
    groups: rows
      .filter((row) => row.kind === 'group')
      .map((row) => ({
        rank: Number(row.rn),
        key: row.gkey === '' ? null : row.gkey,
        label: row.name ?? '',
        aws_account_id: row.aws_account_id,
        customer_id: row.customer_id,
        ...toFigures(row),
      })),
    other: other ? { ...toFigures(other), groups: Number(other.groups) } : null,
    total: { ...toFigures(total), groups: Number(total.groups) },
  }
}
