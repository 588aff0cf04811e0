// Cost Explorer answers kept between requests until what they are computed from changes: each request
// carries the tenant's billing stamp (engine/src/billing/billing-stamp.ts), read with its key in the
// authentication's one query (migration 000022), and is answered from memory when the same view was
// computed under the same stamp today: a kept answer costs the database no query of its own. Its
// figures are sums over thousands of rows; the stamp moves with every rollup rebuild, pending month and
// change of a customer's, account's or partner's name, so an answer is never older than what it would
// recompute.
// Keyed by the tenant of the request's key (never by anything the request names) and bounded in size.

import { createBoundedCache } from './bounded-cache.ts'

export interface BillingAnswers {
  /** `compute()`'s answer for this tenant and view, or the one computed under the same stamp today.
   *  `stamp` is the tenant's billing stamp read before this call (never after `compute()` began). */
  get<T>(stamp: string, tenantId: string, view: string, input: unknown, compute: () => Promise<T>): Promise<T>
  /** Answers served from memory and computed, since start (for tests and diagnostics). */
  readonly stats: { hits: number; computed: number }
}

export interface BillingAnswersOptions {
  /** Answers kept at once (default 200; the least recently used go first). */
  maxEntries?: number
  /** An answer unused this long is dropped (default 15 minutes). */
  maxAgeMs?: number
  now?: () => number
}

export function createBillingAnswers(options: BillingAnswersOptions = {}): BillingAnswers {
  const now = options.now ?? Date.now
  const answers = createBoundedCache<unknown>({
    maxEntries: options.maxEntries ?? 200,
    maxAgeMs: options.maxAgeMs ?? 15 * 60_000,
    now,
  })
  const stats = { hits: 0, computed: 0 }
  return {
    async get<T>(stamp: string, tenantId: string, view: string, input: unknown, compute: () => Promise<T>) {
      // The day is part of the key: a view without a period defaults to months counted from today.
      const day = new Date(now()).toISOString().slice(0, 10)
      const key = JSON.stringify([tenantId, stamp, day, view, input])
      let computed = false
      const answer = await answers.get(key, () => {
        computed = true
        return compute()
      })
      computed ? stats.computed++ : stats.hits++
      return answer as T
    },
    stats,
  }
}
