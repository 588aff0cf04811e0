import { describe, expect, it } from 'vitest'
import { csvField } from '../shared/csv.ts'
import { breakdownCsv } from './billing-csv.ts'
import type { BillingFigures } from './billing-figures.ts'
import type { BillingBreakdown } from './read-billing-breakdown.ts'

const figures = (cost: string, invoice: string): BillingFigures => ({
  cost,
  invoice,
  margin: String(Number(invoice) - Number(cost)),
  margin_pct: null,
  negative: Number(invoice) < Number(cost),
  restated: false,
  restated_months: 0,
  restated_cost: '0',
  components: { gross: cost, credits: '0', refunds: '0', partner_discounts: '0' },
})

describe('csvField', () => {
  it('quotes per RFC 4180 and defuses formulas in text only', () => {
    expect(csvField('Smith, "Bob"', true)).toBe('"Smith, ""Bob"""')
    expect(csvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('-12.50')).toBe('-12.50')
    expect(csvField(null)).toBe('')
  })
})

describe('breakdownCsv', () => {
  it('writes the groups, then other and total, with the bases on every row', () => {
    const breakdown = {
      context: {
        currency: 'USD',
        period: { from: '2026-01', to: '2026-03' },
        basis: 'net',
        invoice_basis: 'bill',
        attribution: { cost: 'account', invoice: 'account' },
      },
      group_by: 'customer',
      groups: [
        {
          rank: 1,
          key: '7',
          label: '+Acme',
          aws_account_id: null,
          customer_id: '7',
          ...figures('10.5', '12'),
        },
      ],
      other: { ...figures('1', '1'), groups: 3 },
      total: { ...figures('11.5', '13'), groups: 4 },
    } as unknown as BillingBreakdown
    const lines = breakdownCsv(breakdown).trimEnd().split('\r\n')
    expect(lines[0]!.split(',').slice(0, 8)).toEqual([
      'rank',
      'customer',
      'label',
      'aws_account_id',
      'customer_id',
      'cost',
      'invoice',
      'margin',
    ])
    expect(lines[1]).toMatch(/^1,7,'\+Acme,,7,10\.5,12,1\.5,,false,/)
    expect(lines[1]).toMatch(/,2026-01,2026-03,USD,net,bill,account,account$/)
    expect(lines[2]).toMatch(/^,,Other \(3\),,,1,1,0,/)
    expect(lines[3]).toMatch(/^,,Total,,,11\.5,13,/)
  })
})
