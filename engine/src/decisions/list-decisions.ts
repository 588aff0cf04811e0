// The review queue: the current decision of every ACE opportunity, filtered (outcome, rule, stage,
// ownership, close-date range, free text, evaluation time), sorted by any column a reviewer sorts by and
// paged with a keyset cursor, so a page is as fast at the end of the list as at its start.
import type { Sql } from '@revops/db'
import type { Outcome } from '../rules/evaluate-ruleset.ts'
import { ValidationError } from '../shared/errors.ts'
import {
  decodeCursor,
  encodeCursor,
  invalidCursor,
  likePattern,
  type SortKeyType,
} from '../shared/keyset-cursor.ts'
import { type DecisionSummary, summaryQuery, toSummary } from './read-decisions.ts'

export const DECISION_SORTS = [
  'ace_id',
  'customer_name',
  'target_close_date',
  'probability',
  'expected_monthly_spend',
  'evaluated_at',
] as const
export type DecisionSort = (typeof DECISION_SORTS)[number]

export interface DecisionFilter {
  outcome?: Outcome | undefined
  /** Only decisions where this rule failed or asked for review (see `ruleResults`). */
  ruleId?: string | undefined
  /** With ruleId: which results count; `fail` and `review` unless told. */
  ruleResults?: readonly ('fail' | 'review' | 'not_evaluated' | 'pass')[] | undefined
  /** The ACE stage, exactly. */
  stage?: string | undefined
  /** The ACE opportunity ownership (`Partner Referral`, `AWS Referral`), exactly. */
  ownership?: string | undefined
  /** Target close date on or after / on or before (YYYY-MM-DD). */
  closeFrom?: string | undefined
  closeTo?: string | undefined
  /** Free text found in the ACE id, customer, title, AWS account or the best match's customer. */
  search?: string | undefined
  /** Evaluated at or after (ISO 8601 date or time). */
  evaluatedFrom?: string | undefined
  /** Evaluated before (ISO 8601 date or time). */
  evaluatedTo?: string | undefined
  sort?: DecisionSort | undefined
  order?: 'asc' | 'desc' | undefined
  limit: number
  /** The `next_cursor` of the previous page. */
  after?: string | undefined
}

export interface DecisionPage {
  items: DecisionSummary[]
  /** Pass as `after` for the next page; null on the last page. */
  next_cursor: string | null
}

function checkTime(field: string, value: string | undefined) {
  if (value !== undefined && Number.isNaN(Date.parse(value)))
    throw new ValidationError(`${field} must be an ISO 8601 date or time, got "${value}"`, { field })
}

function checkDate(field: string, value: string | undefined) {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new ValidationError(`${field} must be a date (YYYY-MM-DD), got "${value}"`, { field })
}

// Each sort key is never null (missing values sort last in either direction), so the keyset
// comparison `(key, ace_id) > (cursor key, cursor id)` is exact; `type` casts the cursor back.
function sortKey(sql: Sql, sort: DecisionSort, descending: boolean) {
  switch (sort) {
    case 'ace_id':
      return { key: sql`d.ace_id`, type: 'text' as const }
    case 'customer_name':
      return {
        key: sql`coalesce(lower(a.customer_name), ${descending ? '' : '\uffff'})`,
        type: 'text' as const,
      }
    case 'target_close_date':
      return {
        key: sql`coalesce(a.close_date, ${descending ? '0001-01-01' : '9999-12-31'}::date)`,
        type: 'date' as const,
      }
    case 'probability':
      return { key: sql`coalesce(m.probability, ${descending ? -1 : 2}::float8)`, type: 'float8' as const }
    case 'expected_monthly_spend':
      return {
        key: sql`coalesce(a.project_budget, ${descending ? -1 : 1e18}::numeric)`,
        type: 'numeric' as const,
      }
    case 'evaluated_at':
      return { key: sql`d.evaluated_at`, type: 'timestamptz' as const }
  }
}

/** A decisions cursor: the sort key travels as text and must fit its type (sortKey casts it back). */
function decodeDecisionCursor(cursor: string, type: SortKeyType): [string, string] {
  const { value, id } = decodeCursor(cursor, type)
  if (typeof value !== 'string') throw invalidCursor()
  return [value, id]
}

/** The current decision of each ACE opportunity, filtered, sorted (ACE id unless told) and paged. */
export async function listCurrentDecisions(
  sql: Sql,
  tenantId: string,
  filter: DecisionFilter,
): Promise<DecisionPage> {
  checkTime('evaluated_from', filter.evaluatedFrom)
  checkTime('evaluated_to', filter.evaluatedTo)
  checkDate('close_from', filter.closeFrom)
  checkDate('close_to', filter.closeTo)
  const results = filter.ruleResults ?? ['fail', 'review']
  const descending = filter.order === 'desc'
  const { key, type } = sortKey(sql, filter.sort ?? 'ace_id', descending)
  const direction = descending ? sql`desc` : sql`asc`
  const cursor = filter.after ? decodeDecisionCursor(filter.after, type) : undefined
  const search = filter.search?.trim()
  const rows = await summaryQuery<{ sort_key: string }>(
    sql,
    tenantId,
    sql`ops.current_decisions`,
    sql`
      ${filter.outcome ? sql`and d.outcome = ${filter.outcome}` : sql``}
      ${
        filter.ruleId
          ? sql`and exists (select 1 from jsonb_array_elements(d.rules) r
                  where r->>'rule_id' = ${filter.ruleId} and r->>'result' = any(${results as string[]}))`
          : sql``
      }
      ${filter.stage ? sql`and a.stage = ${filter.stage}` : sql``}
      ${filter.ownership ? sql`and a.ownership = ${filter.ownership}` : sql``}
      ${filter.closeFrom ? sql`and a.close_date >= ${filter.closeFrom}::date` : sql``}
      ${filter.closeTo ? sql`and a.close_date <= ${filter.closeTo}::date` : sql``}
      ${
        search
          ? sql`and concat_ws(' ', d.ace_id, a.customer_name, a.title, a.aws_account_id, o.customer_name, o.title)
                  ilike ${likePattern(search)}`
          : sql``
      }
      ${filter.evaluatedFrom ? sql`and d.evaluated_at >= ${filter.evaluatedFrom}::timestamptz` : sql``}
      ${filter.evaluatedTo ? sql`and d.evaluated_at < ${filter.evaluatedTo}::timestamptz` : sql``}
      ${
        cursor
          ? descending
            ? sql`and (${key}, d.ace_id) < (${cursor[0]}::${sql.unsafe(type)}, ${cursor[1]})`
            : sql`and (${key}, d.ace_id) > (${cursor[0]}::${sql.unsafe(type)}, ${cursor[1]})`
          : sql``
      }
      order by ${key} ${direction}, d.ace_id ${direction} limit ${filter.limit + 1}`,
    sql`, (${key})::text as sort_key`,
  )
  const page = rows.slice(0, filter.limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toSummary),
    next_cursor:
      rows.length > filter.limit && last ? encodeCursor({ value: last.sort_key, id: last.ace_id }) : null,
  }
}
