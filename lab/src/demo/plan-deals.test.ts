import { describe, expect, it } from 'vitest'
import { planDeals } from './plan-deals.ts'

describe('planDeals', () => {
  const sizes = [
    { companies: 250, odooOpportunities: 600, aceOpportunities: 500, billingMonths: 18 },
    { companies: 20, odooOpportunities: 40, aceOpportunities: 30, billingMonths: 2 },
    { companies: 10, odooOpportunities: 5, aceOpportunities: 50, billingMonths: 1 },
    { companies: 10, odooOpportunities: 300, aceOpportunities: 3, billingMonths: 1 },
  ]

  it.each(sizes)('splits $odooOpportunities leads and $aceOpportunities ACE records exactly', (size) => {
    const plan = planDeals(size)
    const linked = plan.registered + plan.awsReferralMatched
    expect(linked + plan.odooOnly + plan.placeholders + plan.duplicateLeads).toBe(size.odooOpportunities)
    expect(linked + plan.awsReferralNoCounterpart + plan.aceOnlyPartner + plan.duplicateRegistrations).toBe(
      size.aceOpportunities,
    )
    for (const value of Object.values(plan)) expect(value).toBeGreaterThanOrEqual(0)
    expect(plan.duplicateRegistrations).toBeLessThanOrEqual(linked)
  })

  it('keeps the default proportions', () => {
    const plan = planDeals(sizes[0] as (typeof sizes)[number])
    expect(plan.awsReferralNoCounterpart).toBe(75)
    expect(plan.registered + plan.awsReferralMatched).toBe(405)
    expect(plan.odooOnly).toBeGreaterThan(100)
  })
})
