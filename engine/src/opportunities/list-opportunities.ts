// Lists ACE and Odoo opportunities from core.opportunities with filters, sorting and keyset pagination.
import type { Sql } from '@revops/db'
import { NotFoundError, ValidationError } from '../shared/errors.ts'
import { decodeCursor, encodeCursor, likePattern, type SortKeyType } from '../shared/keyset-cursor.ts'

export const OPPORTUNITY_SORTS = ['close_date', 'customer_name', 'updated_at', 'amount'] as const
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number]

/** What each sort column is in SQL (a cursor's value must be one). */
const SORT_KEY_TYPES: Record<OpportunitySort, SortKeyType> = {
  close_date: 'date',
  customer_name: 'text',
  updated_at: 'timestamptz',
  amount: 'numeric',
}

export interface OpportunityFilter {
  source?: 'ace' | 'odoo' | undefined
  stage?: string | undefined
  /** Words in the customer name or title, or an exact source id. */
  q?: string | undefined
  closeFrom?: string | undefined
  closeTo?: string | undefined
  awsAccountId?: string | undefined
}

export interface ListOpportunitiesInput {
  tenantId: string
  filter: OpportunityFilter
  sort: OpportunitySort
  order: 'asc' | 'desc'
  limit: number
  cursor?: string | undefined
}

export interface OpportunitySummary {
  id: string
  source: 'ace' | 'odoo'
  source_id: string
  customer_name: string | null
  title: string | null
  stage: string | null
  status: string | null
  close_date: string | null
  amount: string | null
  amount_period: 'monthly' | 'total'
  aws_account_id: string | null
  domain: string | null
  origin: string | null
  owner: string | null
  country_code: string | null
  state_code: string | null
  updated_at: string | null
}

const SUMMARY_COLUMNS = `id, source, source_id, customer_name, title, stage, status, close_date, amount::text as amount,
  amount_period, aws_account_id, domain, origin, owner, country_code, state_code, updated_at`

export async function listOpportunities(
  sql: Sql,
  input: ListOpportunitiesInput,
): Promise<{ items: OpportunitySummary[]; nextCursor: string | null }> {
  const { filter } = input
  const column = sql(input.sort)
  const after = input.cursor ? decodeCursor(input.cursor, SORT_KEY_TYPES[input.sort]) : undefined
  const pattern = filter.q ? likePattern(filter.q) : null
  const descending = input.order === 'desc'
  // Rows without a sort value come last in either direction; ties are broken by id.
  const afterClause = after
    ? after.value === null
      ? sql`and ${column} is null and id > ${after.id}`
      : descending
        ? sql`and (${column} is null or ${column} < ${after.value} or (${column} = ${after.value} and id > ${after.id}))`
        : sql`and (${column} is null or ${column} > ${after.value} or (${column} = ${after.value} and id > ${after.id}))`
    : sql``
  const rows = await sql<(OpportunitySummary & { sort_value: string | number | null })[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)}, ${column}::text as sort_value
    from core.opportunities
    where tenant_id = ${input.tenantId}
      ${filter.source ? sql`and source = ${filter.source}` : sql``}
      ${filter.stage ? sql`and stage = ${filter.stage}` : sql``}
      ${filter.awsAccountId ? sql`and aws_account_id = ${filter.awsAccountId}` : sql``}
      ${filter.closeFrom ? sql`and close_date >= ${filter.closeFrom}::date` : sql``}
      ${filter.closeTo ? sql`and close_date <= ${filter.closeTo}::date` : sql``}
      ${pattern ? sql`and (customer_name ilike ${pattern} or title ilike ${pattern} or source_id = ${filter.q!})` : sql``}
      ${afterClause}
    order by ${column} is null, ${column} ${descending ? sql`desc` : sql`asc`}, id
    limit ${input.limit + 1}
  `
  const page = rows.slice(0, input.limit)
  const last = page[page.length - 1]
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null
  return { items: page.map(({ sort_value: _, ...item }) => item), nextCursor }
}

export interface OpportunityDetail extends OpportunitySummary {
  /** Every CORE field of the record, as normalised. */
  fields: Record<string, unknown>
  /** Where the record came from in RAW. */
  raw: { source: string; table: string; pk: string }
}

/** One opportunity by its prefixed id (`ace:O123`, `odoo:42`). */
export async function getOpportunity(sql: Sql, tenantId: string, id: string): Promise<OpportunityDetail> {
  const match = /^(ace|odoo):(.+)$/.exec(id)
  if (!match) {
    throw new ValidationError(`id: expected ace:<id> or odoo:<id>, got "${id}"`, {
      fields: [{ field: 'param.id', problem: 'expected ace:<id> or odoo:<id>' }],
    })
  }
  if (match[1] === 'odoo' && !/^\d{1,18}$/.test(match[2]!)) throw new NotFoundError(`no opportunity ${id}`)
  const [summary] = await sql<OpportunitySummary[]>`
    select ${sql.unsafe(SUMMARY_COLUMNS)} from core.opportunities where tenant_id = ${tenantId} and id = ${id}`
  if (!summary) throw new NotFoundError(`no opportunity ${id}`)
  const [fields] =
    match[1] === 'ace'
      ? await sql<
          Record<string, unknown>[]
        >`select * from core.ace_opportunities where tenant_id = ${tenantId} and ace_id = ${match[2]!}`
      : await sql<
          Record<string, unknown>[]
        >`select * from core.odoo_opportunities where tenant_id = ${tenantId} and lead_id = ${match[2]!}`
  const record = fields ?? {}
  return {
    ...summary,
    fields: record,
    raw: {
      source: match[1] === 'ace' ? String(record.source ?? 'apn') : 'odoo',
      table: match[1] === 'ace' ? 'opportunity' : 'crm_lead',
      pk: String(record.raw_pk ?? match[2]),
    },
  }
}
