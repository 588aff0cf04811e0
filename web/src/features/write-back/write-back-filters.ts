// The Write-backs page's view as URL search parameters (`?status=pending_approval`, `?ace_id=O123`), so
// a link from a POD review opens the writes of that opportunity, and a reload keeps the tab.
import { WRITE_BACK_STATUSES, type WriteBackStatus } from '../../lib/labels.ts'
import { firstParam, type SearchParams, toSearch } from '../../lib/search-params.ts'

export interface WriteBackFilters {
  /** One status (a tab); every status when absent. */
  status?: WriteBackStatus
  /** The writes of one ACE opportunity only. */
  ace_id?: string
}

/** The ACE ids the API accepts. */
const ACE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Reads the view from search parameters, dropping values the API would refuse. */
export function readWriteBackFilters(params: SearchParams): WriteBackFilters {
  const filters: WriteBackFilters = {}
  const status = firstParam(params, 'status')
  if (status && (WRITE_BACK_STATUSES as readonly string[]).includes(status))
    filters.status = status as WriteBackStatus
  const aceId = firstParam(params, 'ace_id')
  if (aceId && ACE_ID.test(aceId)) filters.ace_id = aceId
  return filters
}

/** The view as a query string (`?status=…&ace_id=…`), empty when it shows everything. */
export function writeBackSearch(filters: WriteBackFilters): string {
  const params = new URLSearchParams()
  if (filters.status) params.set('status', filters.status)
  if (filters.ace_id) params.set('ace_id', filters.ace_id)
  return toSearch(params)
}

/** Where the Write-backs page shows the writes of one ACE opportunity. */
export function writeBacksHref(aceId: string): string {
  return `/write-backs${writeBackSearch({ ace_id: aceId })}`
}
