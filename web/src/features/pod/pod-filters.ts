// The review queue's filters, search and sort as URL search parameters, so a view can be bookmarked,
// shared and kept when a reviewer opens an opportunity and comes back.
import type { paths } from '../../lib/api-types.ts'
import type { Outcome } from '../../lib/labels.ts'
import { firstParam, type SearchParams, toSearch } from '../../lib/search-params.ts'

/** The sorts the review queue's route accepts (the list below is checked against the contract). */
type QueueSort = NonNullable<NonNullable<paths['/api/v1/decisions']['get']['parameters']['query']>['sort']>

export const POD_SORTS = [
  'ace_id',
  'customer_name',
  'target_close_date',
  'probability',
  'expected_monthly_spend',
  'evaluated_at',
] as const satisfies readonly QueueSort[]
export type PodSort = (typeof POD_SORTS)[number]

export interface PodFilters {
  outcome?: Outcome
  rule?: string
  stage?: string
  owner?: string
  close_from?: string
  close_to?: string
  q?: string
  sort?: PodSort
  order?: 'asc' | 'desc'
}

export const FILTER_KEYS = [
  'outcome',
  'rule',
  'stage',
  'owner',
  'close_from',
  'close_to',
  'q',
  'sort',
  'order',
] as const satisfies readonly (keyof PodFilters)[]

const OUTCOME_VALUES = new Set(['auto_approve', 'needs_review', 'auto_reject'])
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Params = SearchParams
const one = firstParam

/** Reads the filters from search parameters, dropping values the API would refuse. */
export function readPodFilters(params: Params): PodFilters {
  const filters: PodFilters = {}
  const outcome = one(params, 'outcome')
  if (outcome && OUTCOME_VALUES.has(outcome)) filters.outcome = outcome as Outcome
  for (const key of ['rule', 'stage', 'owner', 'q'] as const) {
    const value = one(params, key)
    if (value) filters[key] = value.slice(0, 200)
  }
  for (const key of ['close_from', 'close_to'] as const) {
    const value = one(params, key)
    if (value && DATE.test(value)) filters[key] = value
  }
  const sort = one(params, 'sort')
  if (sort && (POD_SORTS as readonly string[]).includes(sort)) filters.sort = sort as PodSort
  const order = one(params, 'order')
  if (order === 'asc' || order === 'desc') filters.order = order
  return filters
}

/** The filters as a query string (`?outcome=…`), empty when there are none. */
export function podSearch(filters: PodFilters): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  return toSearch(params)
}

/** Whether any filter narrows the queue (sorting does not). */
export function isFiltered(filters: PodFilters): boolean {
  return FILTER_KEYS.some((key) => key !== 'sort' && key !== 'order' && Boolean(filters[key]))
}
