// Dashboard: how the opportunities stood at the end of each day (the outcome of the decision current
// then), over the last days that had decisions, so a ruleset change or a data fix shows as a step.
import type { Sql } from '@revops/db'

export interface OutcomeDay {
  /** YYYY-MM-DD (UTC). */
  day: string
  auto_approve: number
  needs_review: number
  auto_reject: number
}

export interface OutcomesOverTimeOptions {
  days?: number
  /** The last day reported; today (UTC) unless given. */
  until?: string
}

export async function readOutcomesOverTime(
  sql: Sql,
  tenantId: string,
  { days = 30, until }: OutcomesOverTimeOptions = {},
): Promise<OutcomeDay[]> {
  return sql<OutcomeDay[]>`
    with bounds as (
      select coalesce(${until ?? null}::date, (now() at time zone 'utc')::date) as last_day,
             (select min(evaluated_at at time zone 'utc')::date from ops.decisions where tenant_id = ${tenantId}) as first_day
    ),
    days as (
      select d::date as day
      from bounds, generate_series(greatest(bounds.first_day, bounds.last_day - ${days - 1}::int), bounds.last_day, '1 day') d
      where bounds.first_day is not null
    ),
    standing as (
      select days.day, latest.outcome
      from days
      cross join lateral (
        select distinct on (d.ace_id) d.outcome
        from ops.decisions d
        where d.tenant_id = ${tenantId} and d.evaluated_at < (days.day + 1)::timestamp at time zone 'utc'
        order by d.ace_id, d.decision_id desc
      ) latest
    )
    select days.day::text as day,
           count(s.outcome) filter (where s.outcome = 'auto_approve')::int as auto_approve,
           count(s.outcome) filter (where s.outcome = 'needs_review')::int as needs_review,
           count(s.outcome) filter (where s.outcome = 'auto_reject')::int as auto_reject
    from days left join standing s on s.day = days.day
    group by days.day
    order by days.day`
}
