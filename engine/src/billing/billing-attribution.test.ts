import { describe, expect, it } from 'vitest'
import { type AttributionInput, decideAttribution } from './billing-attribution.ts'

const base: AttributionInput = {
  invoiceBasis: 'invoice',
  accountSelection: false,
  services: false,
  products: false,
  group: null,
  netOfDiscounts: false,
}

describe('decideAttribution', () => {
  it('compares final invoices at customer level only', () => {
    expect(decideAttribution(base)).toMatchObject({ cost: 'account', invoice: 'customer' })
    expect(decideAttribution({ ...base, group: 'customer' }).invoice).toBe('customer')
    for (const change of [
      { accountSelection: true },
      { group: 'account' as const },
      { group: 'payer' as const },
    ]) {
      const result = decideAttribution({ ...base, ...change })
      expect(result.invoice).toBe('unavailable')
      expect(result.notes.join(' ')).toMatch(/invoice_basis=bill/)
    }
  })

  it('attributes bills to accounts', () => {
    expect(
      decideAttribution({ ...base, invoiceBasis: 'bill', accountSelection: true, group: 'payer' }),
    ).toMatchObject({
      cost: 'account',
      invoice: 'account',
    })
  })

  it('has no invoice per service and no cost per product', () => {
    expect(decideAttribution({ ...base, invoiceBasis: 'bill', group: 'service' })).toMatchObject({
      cost: 'account',
      invoice: 'unavailable',
    })
    expect(decideAttribution({ ...base, products: true })).toMatchObject({
      cost: 'unavailable',
      invoice: 'customer',
    })
  })

  it('says where partner discounts go in service views', () => {
    expect(decideAttribution({ ...base, services: true, netOfDiscounts: true }).notes.join(' ')).toMatch(
      /left out/,
    )
    expect(decideAttribution({ ...base, group: 'service', netOfDiscounts: true }).notes.join(' ')).toMatch(
      /key null/,
    )
  })
})
