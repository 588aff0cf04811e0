// Data of the Cost Explorer: what can be selected (customers → payers → linked accounts), and for the
// current view its totals, its series over time and its breakdown; and the CSV of a view, asked from the
// API with the same query so the file holds exactly the rows on screen.
import { query } from '@solidjs/router'
import { ApiError, api, type Schemas, unwrap } from '../../lib/api-client.ts'
import type { BreakdownRequest, BreakdownSort, CostQuery, Granularity } from './cost-state.ts'

export type BillingAccounts = Schemas['BillingAccounts']
/** The generated schema says nullable (a payer branch may have none); an account itself never is. */
export type BillingAccount = Schemas['BillingAccount']
export type BillingSummary = Schemas['BillingSummary']
export type BillingTimeseries = Schemas['BillingTimeseries']
export type BillingTimePoint = Schemas['BillingTimePoint']
export type BillingBreakdown = Schemas['BillingBreakdown']
export type BreakdownGroup = BillingBreakdown['groups'][number]
export type BillingFigures = Schemas['BillingFigures']
export type BillingContext = Schemas['BillingContext']

/** Customers per page of the account picker. */
export const PICKER_PAGE = 50

/** One page of the selectable hierarchy, searched by `q`. */
export const listBillingAccounts = query(
  (q: string | undefined, limit: number) =>
    unwrap(api.GET('/api/v1/billing/accounts', { params: { query: { q: q || undefined, limit } } })),
  'billing-accounts',
)

export interface AccountNames {
  account: Map<string, string>
  payer: Map<string, string>
  customer: Map<string, string>
}

/** Names of every account, payer and customer (the first 1,000 customers), for the chosen selection. */
export const getAccountNames = query(async (): Promise<AccountNames> => {
  const data = await unwrap(api.GET('/api/v1/billing/accounts', { params: { query: { limit: 1000 } } }))
  const names: AccountNames = { account: new Map(), payer: new Map(), customer: new Map() }
  for (const customer of data.customers) {
    if (customer.id) names.customer.set(customer.id, customer.name)
    for (const branch of customer.payers)
      for (const account of branch.linked) if (account) names.account.set(account.ref, accountName(account))
  }
  for (const payer of data.payers) {
    names.payer.set(payer.ref, accountName(payer))
    names.account.set(payer.ref, accountName(payer))
  }
  return names
}, 'billing-account-names')

/** An account's name, else its alias, else its number. */
export function accountName(account: Pick<BillingAccount, 'name' | 'alias' | 'aws_account_id' | 'ref'>) {
  return account.name ?? account.alias ?? account.aws_account_id ?? `Account ${account.ref}`
}

/**
 * The figures routes also answer CSV, so their typed `data` includes a string; with the default JSON
 * the body is the envelope.
 */
function figures<T>(pending: Promise<{ data?: { data: T } | string; error?: unknown; response: Response }>) {
  return unwrap(pending as Promise<{ data?: { data: T }; error?: unknown; response: Response }>)
}

export const getCostSummary = query(
  (cost: CostQuery) => figures(api.GET('/api/v1/billing/summary', { params: { query: cost } })),
  'cost-summary',
)

export const getCostTimeseries = query(
  (cost: CostQuery, granularity: Granularity) =>
    figures(api.GET('/api/v1/billing/timeseries', { params: { query: { ...cost, granularity } } })),
  'cost-timeseries',
)

/**
 * One breakdown. A sort the view cannot carry (by cost where only invoices exist, say, after the bases
 * changed) falls back to the view's default rather than failing: the answer says which sort it used.
 */
export const getCostBreakdown = query(async (cost: CostQuery, request: BreakdownRequest) => {
  const ask = (sort: BreakdownSort | undefined) =>
    figures(api.GET('/api/v1/billing/breakdown', { params: { query: { ...cost, ...request, sort } } }))
  try {
    return await ask(request.sort)
  } catch (error) {
    if (
      request.sort &&
      error instanceof ApiError &&
      error.status === 400 &&
      error.message.startsWith('query.sort')
    )
      return ask(undefined)
    throw error
  }
}, 'cost-breakdown')

/** What a CSV export asks for: the view's route and its query (the one its figures were read with). */
export type CsvRequest =
  | { view: 'breakdown'; cost: CostQuery; breakdown: BreakdownRequest }
  | { view: 'timeseries'; cost: CostQuery; granularity: Granularity }

/**
 * Fetches a view as CSV (the API needs the key in a header, so a plain link cannot) and hands it to the
 * browser as a download named as the API names it. Not an action: a download changes nothing, so
 * nothing needs revalidating.
 */
export async function downloadCostCsv(request: CsvRequest): Promise<string> {
  const pending =
    request.view === 'breakdown'
      ? api.GET('/api/v1/billing/breakdown', {
          params: { query: { ...request.cost, ...request.breakdown, format: 'csv' } },
          parseAs: 'blob',
        })
      : api.GET('/api/v1/billing/timeseries', {
          params: { query: { ...request.cost, granularity: request.granularity, format: 'csv' } },
          parseAs: 'blob',
        })
  let response: Response | undefined
  const blob = await unwrap(
    pending.then((result) => {
      response = result.response
      return { ...result, data: result.data === undefined ? undefined : { data: result.data } }
    }),
  )
  const name = fileName(response?.headers.get('content-disposition') ?? null) ?? `billing-${request.view}.csv`
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The browser reads the blob when the download starts; let it, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}

/** The file name of a `content-disposition` header (`attachment; filename="x.csv"`). */
export function fileName(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null
  return match?.[1] ?? null
}
