// The Cost Explorer's state as URL search parameters (selection, period, granularity, bases, grouping,
// sort and the drill path), so a view can be bookmarked and reload, back and forward restore it; and
// the API query each view of that state asks for.
import type { paths } from '../../lib/api-types.ts'
import { paramValues, type SearchParams, toSearch } from '../../lib/search-params.ts'

type BreakdownQuery = NonNullable<paths['/api/v1/billing/breakdown']['get']['parameters']['query']>
type TimeseriesQuery = NonNullable<paths['/api/v1/billing/timeseries']['get']['parameters']['query']>

export type CostBasis = NonNullable<BreakdownQuery['basis']>
export type InvoiceBasis = NonNullable<BreakdownQuery['invoice_basis']>
export type BillingGroup = BreakdownQuery['group_by']
export type BreakdownSort = NonNullable<BreakdownQuery['sort']>
export type Granularity = NonNullable<TimeseriesQuery['granularity']>
export type SortOrder = 'asc' | 'desc'

export const COST_BASES = ['gross', 'net', 'net_of_discounts'] as const satisfies readonly CostBasis[]
export const INVOICE_BASES = ['invoice', 'bill'] as const satisfies readonly InvoiceBasis[]
export const GRANULARITIES = ['month', 'quarter', 'year'] as const satisfies readonly Granularity[]
export const BILLING_GROUPS = [
  'customer',
  'payer',
  'account',
  'service',
  'product',
] as const satisfies readonly BillingGroup[]
export const BREAKDOWN_SORTS = [
  'cost',
  'invoice',
  'margin',
  'margin_pct',
  'name',
] as const satisfies readonly BreakdownSort[]

/** Groups the breakdown may show before the rest are summed as "Other". */
export const BREAKDOWN_LIMITS = [25, 100, 500] as const
export const DEFAULT_LIMIT = 25

/** One step of the drill path: a row that was opened (its group, key and the label it had). */
export interface DrillStep {
  group: BillingGroup
  key: string
  label: string
}

export interface CostState {
  /** The selection: accounts, payer accounts and customers (their union), by registry id. */
  accounts: string[]
  payers: string[]
  customers: string[]
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`; absent: the API's default (the 12 months up to the latest data). */
  from?: string
  to?: string
  granularity: Granularity
  basis: CostBasis
  invoiceBasis: InvoiceBasis
  /** The breakdown's grouping at the current level; absent: the level's default. */
  group?: BillingGroup
  sort?: BreakdownSort
  order?: SortOrder
  limit: number
  /** The table under the chart: the breakdown, or one row per period. */
  view: 'breakdown' | 'periods'
  drill: DrillStep[]
}

export const DEFAULT_STATE: CostState = {
  accounts: [],
  payers: [],
  customers: [],
  granularity: 'month',
  basis: 'net',
  invoiceBasis: 'invoice',
  limit: DEFAULT_LIMIT,
  view: 'breakdown',
  drill: [],
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/
const ID = /^\d{1,18}$/

type Params = SearchParams
const all = paramValues

/** The first non-blank value of `key`. */
function one(params: Params, key: string): string | undefined {
  return all(params, key)[0]?.trim()
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value)
}

function ids(params: Params, key: string): string[] {
  const values = all(params, key).flatMap((value) => value.split(','))
  return [...new Set(values.map((value) => value.trim()).filter((value) => ID.test(value)))]
}

/**
 * A drill step as written in the URL: `group:key:label` (`account:32:gulfcoastlabs-prod`); services are
 * named by their key, so `service:Amazon WorkSpaces` is enough.
 */
export function readDrillStep(text: string): DrillStep | null {
  const colon = text.indexOf(':')
  const group = oneOf(BILLING_GROUPS, text.slice(0, colon))
  if (!group) return null
  const rest = text.slice(colon + 1)
  if (group === 'service') return rest.trim() ? { group, key: rest, label: rest } : null
  const [key = '', ...label] = rest.split(':')
  if (!ID.test(key)) return null
  return { group, key, label: label.join(':') || `${key}` }
}

function writeDrillStep(step: DrillStep): string {
  return step.group === 'service' ? `service:${step.key}` : `${step.group}:${step.key}:${step.label}`
}

/** Reads the state from search parameters, dropping what the API would refuse and impossible drill paths. */
export function readCostState(params: Params): CostState {
  const state: CostState = {
    ...DEFAULT_STATE,
    accounts: ids(params, 'accounts'),
    payers: ids(params, 'payers'),
    customers: ids(params, 'customers'),
    granularity: oneOf(GRANULARITIES, one(params, 'granularity')) ?? DEFAULT_STATE.granularity,
    basis: oneOf(COST_BASES, one(params, 'basis')) ?? DEFAULT_STATE.basis,
    invoiceBasis: oneOf(INVOICE_BASES, one(params, 'invoice_basis')) ?? DEFAULT_STATE.invoiceBasis,
    view: one(params, 'view') === 'periods' ? 'periods' : 'breakdown',
    drill: [],
  }
  for (const key of ['from', 'to'] as const) {
    const value = one(params, key)
    if (value && PERIOD.test(value)) state[key] = value
  }
  const limit = Number(one(params, 'limit'))
  if ((BREAKDOWN_LIMITS as readonly number[]).includes(limit)) state.limit = limit
  const sort = oneOf(BREAKDOWN_SORTS, one(params, 'sort'))
  if (sort) state.sort = sort
  const order = oneOf(['asc', 'desc'] as const, one(params, 'order'))
  if (order) state.order = order
  // Each step must be one the level before it offers; the path stops at the first that is not.
  for (const text of all(params, 'drill')) {
    const step = readDrillStep(text)
    if (!step || !drillableGroups(state).includes(step.group)) break
    state.drill.push(step)
  }
  const group = oneOf(BILLING_GROUPS, one(params, 'group'))
  if (group && groupsAt(state).includes(group)) state.group = group
  return state
}

/** The state as a query string (`?basis=gross&…`) in a stable order, defaults left out. */
export function costSearch(state: CostState): string {
  const params = new URLSearchParams()
  if (state.accounts.length) params.set('accounts', state.accounts.join(','))
  if (state.payers.length) params.set('payers', state.payers.join(','))
  if (state.customers.length) params.set('customers', state.customers.join(','))
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  if (state.granularity !== DEFAULT_STATE.granularity) params.set('granularity', state.granularity)
  if (state.basis !== DEFAULT_STATE.basis) params.set('basis', state.basis)
  if (state.invoiceBasis !== DEFAULT_STATE.invoiceBasis) params.set('invoice_basis', state.invoiceBasis)
  for (const step of state.drill) params.append('drill', writeDrillStep(step))
  if (state.group) params.set('group', state.group)
  if (state.sort) params.set('sort', state.sort)
  if (state.order) params.set('order', state.order)
  if (state.limit !== DEFAULT_LIMIT) params.set('limit', String(state.limit))
  if (state.view !== 'breakdown') params.set('view', state.view)
  return toSearch(params)
}

/** Whether the selection names single accounts or payers (not only whole customers, or everything). */
function namesAccounts(state: CostState): boolean {
  return state.accounts.length > 0 || state.payers.length > 0
}

/**
 * Groups whose rows can be opened at the current level. Customers and payers are whole sets of
 * accounts: they can be opened only where the level is not already narrower than they are (the API
 * takes the union of accounts, payers and customers, so opening one there would widen the view).
 */
export function drillableGroups(state: Pick<CostState, 'drill' | 'accounts' | 'payers'>): BillingGroup[] {
  const last = state.drill.at(-1)
  if (last?.group === 'service' || last?.group === 'product') return []
  if (last?.group === 'account') return ['service', 'product']
  if (last || state.accounts.length > 0 || state.payers.length > 0) return ['account', 'service', 'product']
  return [...BILLING_GROUPS]
}

/** Groupings the breakdown offers at the current level (none at the end of a drill path). */
export function groupsAt(state: Pick<CostState, 'drill' | 'accounts' | 'payers'>): BillingGroup[] {
  const last = state.drill.at(-1)
  if (last?.group === 'service' || last?.group === 'product') return []
  if (last?.group === 'account') return ['service', 'product']
  // Inside a customer its payers are another cut of the same accounts, and the other way round.
  if (last?.group === 'customer') return ['account', 'payer', 'service', 'product']
  if (last?.group === 'payer') return ['account', 'customer', 'service', 'product']
  return [...BILLING_GROUPS]
}

/** The level's grouping: the chosen one, else customers at the top (accounts when accounts are picked). */
export function currentGroup(state: CostState): BillingGroup | null {
  const groups = groupsAt(state)
  if (groups.length === 0) return null
  if (state.group && groups.includes(state.group)) return state.group
  const last = state.drill.at(-1)
  if (last?.group === 'account') return 'service'
  if (last || namesAccounts(state)) return 'account'
  return 'customer'
}

/** The end of a drill path (a service or product): only its series is left to show. */
export function isTerminal(state: CostState): boolean {
  return groupsAt(state).length === 0
}

/** Whether a breakdown row can be opened (rows without a key, like "No service", cannot). */
export function canDrill(state: CostState, group: BillingGroup, key: string | null): key is string {
  return key !== null && drillableGroups(state).includes(group)
}

/** Opens a breakdown row: one level deeper, with that level's default grouping, sort and size. */
export function drillInto(state: CostState, step: DrillStep): CostState {
  return {
    ...state,
    drill: [...state.drill, step],
    group: undefined,
    sort: undefined,
    order: undefined,
    limit: DEFAULT_LIMIT,
    view: step.group === 'service' || step.group === 'product' ? 'periods' : 'breakdown',
  }
}

/**
 * Goes back to the level after `depth` steps (0: the whole selection), grouped as it was when the next
 * row was opened from it.
 */
export function drillTo(state: CostState, depth: number): CostState {
  if (depth >= state.drill.length) return state
  const opened = state.drill[depth]!.group
  return {
    ...state,
    drill: state.drill.slice(0, depth),
    group:
      opened === currentGroup({ ...state, drill: state.drill.slice(0, depth), group: undefined })
        ? undefined
        : opened,
    sort: undefined,
    order: undefined,
    limit: DEFAULT_LIMIT,
    view: 'breakdown',
  }
}

/** A new selection starts a new exploration: the drill path and grouping go. */
export function withSelection(
  state: CostState,
  selection: Pick<CostState, 'accounts' | 'payers' | 'customers'>,
): CostState {
  return { ...drillTo(state, 0), ...selection }
}

/** What the figures routes are asked (selection narrowed by the drill path, period, bases). */
export interface CostQuery {
  from?: string
  to?: string
  basis: CostBasis
  invoice_basis: InvoiceBasis
  accounts?: string
  payers?: string
  customers?: string
  services?: string
  products?: string
}

/**
 * The query of the state's view. The deepest customer, payer or account of the drill path replaces the
 * selection (it lies inside it); a service or product narrows it further.
 */
export function costQuery(state: CostState): CostQuery {
  const query: CostQuery = { basis: state.basis, invoice_basis: state.invoiceBasis }
  if (state.from) query.from = state.from
  if (state.to) query.to = state.to
  const scope = state.drill.findLast((step) => step.group !== 'service' && step.group !== 'product')
  if (scope?.group === 'account') query.accounts = scope.key
  else if (scope?.group === 'payer') query.payers = scope.key
  else if (scope?.group === 'customer') query.customers = scope.key
  else {
    if (state.accounts.length) query.accounts = state.accounts.join(',')
    if (state.payers.length) query.payers = state.payers.join(',')
    if (state.customers.length) query.customers = state.customers.join(',')
  }
  const service = state.drill.find((step) => step.group === 'service')
  if (service) query.services = service.key
  const product = state.drill.find((step) => step.group === 'product')
  if (product) query.products = product.key
  return query
}

export interface BreakdownRequest {
  group_by: BillingGroup
  sort?: BreakdownSort
  order?: SortOrder
  limit: number
}

/** What the breakdown of the state's view is asked; null where the view shows periods instead. */
export function breakdownRequest(state: CostState): BreakdownRequest | null {
  const group = currentGroup(state)
  if (!group || state.view !== 'breakdown') return null
  const request: BreakdownRequest = { group_by: group, limit: state.limit }
  if (state.sort) request.sort = state.sort
  if (state.order) request.order = state.order
  return request
}
