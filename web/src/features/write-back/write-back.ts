// Data of the write-backs to Partner Central: pages of writes, the count in each status, the newest write
// of one ACE opportunity, and the batch approval (which queues the job that runs the approved writes).
import { action, json, query } from '@solidjs/router'
import { api, type Schemas, unwrap } from '../../lib/api-client.ts'
import { WRITE_BACK_STATUSES, type WriteBackStatus } from '../../lib/labels.ts'
import type { WriteBackFilters } from './write-back-filters.ts'

export type WriteBack = Schemas['WriteBack']
export type WriteBackCounts = Record<WriteBackStatus, number>
export type ApproveResult = { approved: string[]; not_approved: string[]; job_queued: boolean }

export const PAGE_SIZE = 100

/** One page of writes, newest first; `cursor` is the previous page's `next_cursor`. */
export const listWriteBacks = query(
  (filters: WriteBackFilters, cursor?: string) =>
    unwrap(api.GET('/api/v1/write-backs', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  'write-backs',
)

/**
 * How many writes are in each status: the tenant's (the API counts them), or one ACE opportunity's,
 * tallied from its writes (a handful: one per change of its link).
 */
export const getWriteBackCounts = query(async (aceId?: string): Promise<WriteBackCounts> => {
  const counts = Object.fromEntries(WRITE_BACK_STATUSES.map((status) => [status, 0])) as WriteBackCounts
  if (!aceId) {
    const page = await unwrap(api.GET('/api/v1/write-backs', { params: { query: { limit: 1 } } }))
    return { ...counts, ...page.counts }
  }
  let cursor: string | undefined
  do {
    const page = await unwrap(
      api.GET('/api/v1/write-backs', { params: { query: { ace_id: aceId, limit: 500, cursor } } }),
    )
    for (const write of page.items) counts[write.status]++
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  return counts
}, 'write-back-counts')

/** The newest write of an ACE opportunity, or null when it has none. */
export const getLatestWriteBack = query(async (aceId: string): Promise<WriteBack | null> => {
  const page = await unwrap(
    api.GET('/api/v1/write-backs', { params: { query: { ace_id: aceId, limit: 1 } } }),
  )
  return page.items[0] ?? null
}, 'latest-write-back')

/**
 * Approves writes in a batch (the API key is the approver); only those still waiting for approval move,
 * the others come back as not approved. Every write-back view is read again.
 */
export const approveWriteBacks = action(async (writeIds: string[]) => {
  const result = await unwrap(api.POST('/api/v1/write-backs/approve', { body: { write_ids: writeIds } }))
  const done: ApproveResult = {
    approved: result.approved,
    not_approved: result.not_approved,
    job_queued: result.job !== null,
  }
  return json(done, {
    revalidate: [listWriteBacks.key, getWriteBackCounts.key, getLatestWriteBack.key],
  })
}, 'approve-write-backs')
