import { describe, expect, it } from 'vitest'
import {
  breakdownRequest,
  canDrill,
  costQuery,
  costSearch,
  currentGroup,
  DEFAULT_STATE,
  drillInto,
  drillTo,
  isTerminal,
  readCostState,
  readDrillStep,
  withSelection,
} from './cost-state.ts'

const params = (search: string) => {
  const result: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(search)) {
    const known = result[key]
    result[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value]
  }
  return result
}

describe('cost explorer state in the URL', () => {
  it('reads what the API accepts and drops the rest', () => {
    const state = readCostState(
      params(
        'accounts=32,x,32&customers=86&from=2026-07&to=2026-13&granularity=week&basis=gross&invoice_basis=bill&sort=margin&order=up&limit=7&view=periods',
      ),
    )
    expect(state).toEqual({
      ...DEFAULT_STATE,
      accounts: ['32'],
      customers: ['86'],
      from: '2026-07',
      basis: 'gross',
      invoiceBasis: 'bill',
      sort: 'margin',
      view: 'periods',
    })
    expect(readCostState({})).toEqual(DEFAULT_STATE)
  })

  it('writes it back in a stable order without defaults, and reads it again unchanged', () => {
    const state = drillInto(
      drillInto(readCostState(params('basis=net_of_discounts&granularity=quarter&from=2026-Q1')), {
        group: 'customer',
        key: '86',
        label: 'Gulf Coast Labs: Inc.',
      }),
      { group: 'account', key: '32', label: 'gulfcoastlabs-prod' },
    )
    const search = costSearch(state)
    expect(search).toBe(
      '?from=2026-Q1&granularity=quarter&basis=net_of_discounts&drill=customer%3A86%3AGulf+Coast+Labs%3A+Inc.&drill=account%3A32%3Agulfcoastlabs-prod',
    )
    expect(readCostState(params(search))).toEqual(state)
    expect(costSearch(DEFAULT_STATE)).toBe('')
  })

  it('reads drill steps, services by their name', () => {
    expect(readDrillStep('account:32:prod: eu')).toEqual({ group: 'account', key: '32', label: 'prod: eu' })
    expect(readDrillStep('service:Amazon Elastic Compute Cloud')).toEqual({
      group: 'service',
      key: 'Amazon Elastic Compute Cloud',
      label: 'Amazon Elastic Compute Cloud',
    })
    expect(readDrillStep('account:abc:x')).toBeNull()
    expect(readDrillStep('region:eu')).toBeNull()
  })

  it('stops a drill path at the first step its level does not offer', () => {
    // A customer cannot be opened inside an account (it would widen the view).
    const state = readCostState(params('drill=account:32:a&drill=customer:86:b&drill=service:S3'))
    expect(state.drill).toEqual([{ group: 'account', key: '32', label: 'a' }])
    // Nothing follows a service.
    expect(readCostState(params('drill=service:S3&drill=account:1:x')).drill).toHaveLength(1)
  })

  it('goes customer → account → service, each level with its own grouping', () => {
    let state = readCostState({})
    expect(currentGroup(state)).toBe('customer')
    expect(canDrill(state, 'customer', '86')).toBe(true)
    expect(canDrill(state, 'customer', null)).toBe(false)
    state = drillInto({ ...state, sort: 'name', limit: 100 }, { group: 'customer', key: '86', label: 'Gulf' })
    expect(state.sort).toBeUndefined()
    expect(state.limit).toBe(25)
    expect(currentGroup(state)).toBe('account')
    // Inside a customer its payers are a view, not a way down (the API unites payers and customers).
    expect(canDrill(state, 'payer', '2')).toBe(false)
    state = drillInto(state, { group: 'account', key: '32', label: 'prod' })
    expect(currentGroup(state)).toBe('service')
    expect(breakdownRequest(state)).toEqual({ group_by: 'service', limit: 25 })
    state = drillInto(state, { group: 'service', key: 'Amazon WorkSpaces', label: 'Amazon WorkSpaces' })
    expect(isTerminal(state)).toBe(true)
    expect(state.view).toBe('periods')
    expect(breakdownRequest(state)).toBeNull()
    expect(costQuery(state)).toEqual({
      basis: 'net',
      invoice_basis: 'invoice',
      accounts: '32',
      services: 'Amazon WorkSpaces',
    })
    const back = drillTo(state, 1)
    expect(back.drill).toEqual([{ group: 'customer', key: '86', label: 'Gulf' }])
    expect(back.view).toBe('breakdown')
    expect(currentGroup(back)).toBe('account')
    // Back at the top, grouped as it was when the row was opened (services here, not the default).
    const top = drillTo(drillInto(readCostState({}), { group: 'service', key: 'S3', label: 'S3' }), 0)
    expect(currentGroup(top)).toBe('service')
    expect(costSearch(top)).toBe('?group=service')
    expect(costQuery(back)).toEqual({ basis: 'net', invoice_basis: 'invoice', customers: '86' })
  })

  it('asks for the selection until a row narrows it, and starts over when the selection changes', () => {
    const picked = readCostState(params('accounts=5,6&payers=2&from=2026-01&to=2026-06&basis=gross'))
    expect(currentGroup(picked)).toBe('account')
    expect(canDrill(picked, 'customer', '86')).toBe(false)
    expect(costQuery(picked)).toEqual({
      from: '2026-01',
      to: '2026-06',
      basis: 'gross',
      invoice_basis: 'invoice',
      accounts: '5,6',
      payers: '2',
    })
    const opened = drillInto(picked, { group: 'product', key: '4', label: 'AWS Usage' })
    expect(costQuery(opened)).toMatchObject({ accounts: '5,6', payers: '2', products: '4' })
    const changed = withSelection(opened, { accounts: [], payers: [], customers: ['86'] })
    expect(changed.drill).toEqual([])
    expect(changed.customers).toEqual(['86'])
    expect(changed.from).toBe('2026-01')
  })
})
