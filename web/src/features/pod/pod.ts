// Data of the POD review: the queue (current decisions, filtered), one decision with its records,
// candidates and history, and the reviewer's acts (approve / reject a decision, confirm / reject a match).
import { action, query } from '@solidjs/router'
import { api, type Schemas, unwrap } from '../../lib/api-client.ts'
import type { PodFilters } from './pod-filters.ts'

export const PAGE_SIZE = 100

/** One page of the queue; `cursor` is the previous page's `next_cursor`. */
export const listDecisions = query(
  (filters: PodFilters, cursor?: string) =>
    unwrap(api.GET('/api/v1/decisions', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  'decisions',
)

/** One decision with its trace, facts, match and reviews. */
export type DecisionDetail = Schemas['DecisionDetail']

export const getDecision = query(
  (id: string): Promise<DecisionDetail> =>
    unwrap(api.GET('/api/v1/decisions/{id}', { params: { path: { id } } })),
  'decision',
)

/**
 * The id of the current decision of an ACE opportunity, or null when it has none yet: other pages link
 * to an opportunity by its ACE id. The search matches ids by substring, so the exact one is picked.
 */
export const findCurrentDecisionId = query(async (aceId: string): Promise<string | null> => {
  let cursor: string | undefined
  for (let page = 0; page < 10; page++) {
    const result = await listDecisions({ q: aceId }, cursor)
    const found = result.items.find((item) => item.ace_id === aceId)
    if (found) return found.decision_id
    cursor = result.next_cursor ?? undefined
    if (!cursor) break
  }
  return null
}, 'current-decision-of')

/** An ACE or Odoo record with every normalised field (`ace:O123`, `odoo:42`). */
export const getOpportunity = query(
  (id: string) => unwrap(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })),
  'opportunity',
)

/** Every candidate of an ACE opportunity, best first, with its explanation. */
export const getCandidates = query(
  (aceId: string) => unwrap(api.GET('/api/v1/matches', { params: { query: { ace_id: aceId } } })),
  'candidates',
)

export const getHistory = query(
  (aceId: string) =>
    unwrap(api.GET('/api/v1/audit/opportunities/{ace_id}', { params: { path: { ace_id: aceId } } })),
  'history',
)

/** The rules of the published `pod` ruleset (the rule filter's choices). */
export const getRules = query(async () => {
  const config = await unwrap(
    api.GET('/api/v1/rules/{ruleset}/config', { params: { path: { ruleset: 'pod' } } }),
  )
  return config.content.rules.map((rule) => ({ id: rule.id, description: rule.description }))
}, 'pod-rules')

export interface QueuePosition {
  /** 0-based position in the filtered queue; -1 when the decision is not in it. */
  index: number
  previous: string | null
  next: string | null
  /** How many decisions the pages read so far hold, and whether that is all of them. */
  seen: number
  complete: boolean
}

/** Where a decision stands in the filtered queue, and its neighbours (reads pages until found). */
export const getQueuePosition = query(
  async (filters: PodFilters, decisionId: string): Promise<QueuePosition> => {
    const ids: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 20; page++) {
      const result = await listDecisions(filters, cursor)
      ids.push(...result.items.map((item) => item.decision_id))
      cursor = result.next_cursor ?? undefined
      const index = ids.indexOf(decisionId)
      // The neighbour after the last item of a page is on the next page: read one more.
      if (index >= 0 && (index < ids.length - 1 || !cursor)) {
        return {
          index,
          previous: ids[index - 1] ?? null,
          next: ids[index + 1] ?? null,
          seen: ids.length,
          complete: !cursor,
        }
      }
      if (!cursor) break
    }
    return { index: -1, previous: null, next: ids[0] ?? null, seen: ids.length, complete: !cursor }
  },
  'queue-position',
)

/**
 * Approves or rejects a current decision with the reviewer's note (recorded and audited). `etag` is the
 * decision as the reviewer saw it: if someone reviewed it since, the API answers 409 and nothing changes.
 */
export const reviewDecision = action(
  async (decisionId: string, verdict: 'approve' | 'reject', note: string, etag: string) => {
    const options = {
      params: { path: { id: decisionId }, header: { 'if-match': `"${etag}"` } },
      body: { note },
    }
    return verdict === 'approve'
      ? unwrap(api.PUT('/api/v1/decisions/{id}/approve', options))
      : unwrap(api.PUT('/api/v1/decisions/{id}/reject', options))
  },
  'review-decision',
)

/**
 * Confirms or rejects a match candidate (a label for the next estimation; links change at once), on the
 * state the reviewer saw (`etag`; a 409 when the opportunity was reviewed since).
 */
export const reviewMatch = action(
  async (candidateId: string, verdict: 'confirm' | 'reject', etag: string, note?: string) => {
    const options = {
      params: { path: { id: candidateId }, header: { 'if-match': `"${etag}"` } },
      body: note ? { note } : {},
    }
    return verdict === 'confirm'
      ? unwrap(api.PUT('/api/v1/matches/{id}/confirm', options))
      : unwrap(api.PUT('/api/v1/matches/{id}/reject', options))
  },
  'review-match',
)
