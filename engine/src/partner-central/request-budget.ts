// A request budget shared by every worker of a tenant, kept in the database: a token bucket paces
// requests to the per-second rate (one token at most in hand, so no second ever holds more than the rate
// allows), and hourly counts keep the rolling 24 hours under the daily quota. The bucket's row lock
// orders concurrent takers, so two workers on two machines share one rate.
import type { Sql } from '@revops/db'
import { TooManyRequestsError } from '../shared/errors.ts'

export interface RequestBudget {
  tenantId: string
  /** Which budget, e.g. `partnercentral:read`. */
  name: string
  perSecond: number
  perDay: number
}

export interface TakeRequestOptions {
  signal?: AbortSignal | undefined
  /** How long one take may wait for a token before giving up (ms). */
  maxWaitMs?: number
}

/**
 * Takes one request from the budget, waiting for the rate; throws TooManyRequestsError when the rolling
 * 24 hours are spent (the job retries later) or the wait would pass `maxWaitMs`.
 */
export async function takeRequest(
  sql: Sql,
  budget: RequestBudget,
  options: TakeRequestOptions = {},
): Promise<void> {
  const deadline = Date.now() + (options.maxWaitMs ?? 60_000)
  await sql`
    insert into ops.request_budgets (tenant_id, budget, tokens) values (${budget.tenantId}, ${budget.name}, 1)
    on conflict do nothing`
  for (;;) {
    options.signal?.throwIfAborted()
    const waitSeconds = await sql.begin(async (tx) => {
      const [taken] = await tx<{ tokens: number }[]>`
        update ops.request_budgets
        set tokens = least(1, tokens + extract(epoch from clock_timestamp() - refilled_at) * ${budget.perSecond}) - 1,
            refilled_at = clock_timestamp()
        where tenant_id = ${budget.tenantId} and budget = ${budget.name}
          and least(1, tokens + extract(epoch from clock_timestamp() - refilled_at) * ${budget.perSecond}) >= 1
        returning tokens`
      if (!taken) {
        const [state] = await tx<{ wait: number }[]>`
          select (1 - least(1, tokens + extract(epoch from clock_timestamp() - refilled_at) * ${budget.perSecond}))
                 / ${budget.perSecond} as wait
          from ops.request_budgets where tenant_id = ${budget.tenantId} and budget = ${budget.name}`
        return Math.max(Number(state?.wait ?? 0), 0.005)
      }
      const [day] = await tx<{ used: number }[]>`
        select coalesce(sum(requests), 0)::int as used from ops.request_counts
        where tenant_id = ${budget.tenantId} and budget = ${budget.name}
          and hour > date_trunc('hour', clock_timestamp()) - interval '24 hours'`
      if (day!.used >= budget.perDay) {
        throw new TooManyRequestsError(
          `the ${budget.name} budget of ${budget.perDay} requests per 24 hours is spent; the work resumes when it refills`,
          { budget: budget.name, per_day: budget.perDay },
        )
      }
      await tx`
        insert into ops.request_counts (tenant_id, budget, hour, requests)
        values (${budget.tenantId}, ${budget.name}, date_trunc('hour', clock_timestamp()), 1)
        on conflict (tenant_id, budget, hour) do update set requests = ops.request_counts.requests + 1`
      return 0
    })
    if (waitSeconds === 0) return
    if (Date.now() + waitSeconds * 1000 > deadline) {
      throw new TooManyRequestsError(`no ${budget.name} request available within the wait allowed`, {
        budget: budget.name,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000))
  }
}
