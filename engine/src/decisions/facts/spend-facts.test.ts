import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOpportunityFacts, type OpportunityFacts } from './opportunity-facts.ts'
import { chargeTypesFrom, DEFAULT_SPEND_CHARGE_TYPES, loadSpendFacts, spendMonthOf } from './spend-facts.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let opportunities: OpportunityFacts[]

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { match: false })
  opportunities = [...(await loadOpportunityFacts(db.sql, { tenantId: 'demo', asOf: AS_OF })).values()]
})
afterAll(() => fixture.dispose())

// The spend month and sum computed in SQL alone, independently of spendMonthFor and the provider.
async function expectedSpend(chargeTypes: string[]) {
  const rows = await db.sql<
    { ace_id: string; month: string; substituted: boolean; amount: string; cost_rows: number }[]
  >`
    with months as (
      select a.ace_id, a.aws_account_id,
             (date_trunc('month', a.close_date) - interval '1 month')::date as wanted,
             (date_trunc('month', ${AS_OF}::date) - interval '1 month')::date as last_closed
      from core.ace_opportunities a where a.tenant_id = 'demo' and a.close_date is not null
    )
    select m.ace_id, to_char(least(m.wanted, m.last_closed), 'YYYY-MM') as month, m.wanted > m.last_closed as substituted,
           coalesce(sum(c.cost), 0)::text as amount, count(c.cost)::int as cost_rows
    from months m
    left join core.aws_accounts r on r.tenant_id = 'demo' and r.aws_account_id = m.aws_account_id
    left join core.billing_cost c on c.tenant_id = 'demo' and c.account_ref = r.account_ref
      and date_trunc('month', c.month) = least(m.wanted, m.last_closed) and c.charge_type = any(${chargeTypes})
    group by 1, 2, 3`
  return new Map(rows.map((row) => [row.ace_id, row]))
}

describe('loadSpendFacts', () => {
  it('sums the cost of usage, discounted usage and RIFee in the month before the close month', async () => {
    const spend = await loadSpendFacts(
      db.sql,
      { tenantId: 'demo', asOf: AS_OF, chargeTypes: DEFAULT_SPEND_CHARGE_TYPES },
      opportunities,
    )
    const expected = await expectedSpend(['usage', 'discounted usage', 'RIFee'])
    const seen = { summed: 0, zero: 0, substituted: 0, unregistered: 0 }
    for (const opportunity of opportunities) {
      const facts = spend.get(opportunity.id)
      if (!opportunity.aws_account_registered) {
        expect(facts).toBeNull()
        seen.unregistered++
        continue
      }
      const row = expected.get(opportunity.id)!
      expect(facts).toEqual({
        amount: Number(row.amount),
        month: row.month,
        month_substituted: row.substituted,
        charge_types: ['usage', 'discounted usage', 'RIFee'],
        cost_rows: row.cost_rows,
      })
      if (row.cost_rows > 0) seen.summed++
      else seen.zero++
      if (row.substituted) seen.substituted++
    }
    expect(seen.summed).toBeGreaterThan(0)
    expect(seen.unregistered).toBeGreaterThan(0)
  })

  it('compares charge types case-insensitively and sums only the ones configured', async () => {
    const spend = await loadSpendFacts(
      db.sql,
      { tenantId: 'demo', asOf: AS_OF, chargeTypes: ['USAGE'] },
      opportunities,
    )
    const expected = await expectedSpend(['usage'])
    for (const opportunity of opportunities.filter((o) => o.aws_account_registered)) {
      expect(spend.get(opportunity.id)?.amount).toBe(Number(expected.get(opportunity.id)!.amount))
      expect(spend.get(opportunity.id)?.charge_types).toEqual(['USAGE'])
    }
  })

  it('is 0 over no cost rows, and uses the last closed month while the wanted one is still open', async () => {
    const registered = opportunities.find((o) => o.aws_account_registered)!
    const spend = await loadSpendFacts(
      db.sql,
      { tenantId: 'demo', asOf: AS_OF, chargeTypes: DEFAULT_SPEND_CHARGE_TYPES },
      [
        { ...registered, id: 'old', close_date: '2020-03-15' },
        { ...registered, id: 'future', close_date: '2027-03-15' },
        { ...registered, id: 'none', close_date: null },
      ],
    )
    expect(spend.get('old')).toMatchObject({
      amount: 0,
      cost_rows: 0,
      month: '2020-02',
      month_substituted: false,
    })
    expect(spend.get('future')).toMatchObject({ month: '2026-10', month_substituted: true })
    expect(spend.get('none')).toMatchObject({ month: '2026-10', month_substituted: true })
  })
})

describe('spendMonthOf', () => {
  const opportunity = { close_date: '2026-11-20' } as OpportunityFacts

  it('takes the month before the close month once it has closed', () => {
    expect(spendMonthOf(opportunity, '2026-11-01')).toEqual({
      month: '2026-10',
      wanted: '2026-10',
      substituted: false,
    })
    expect(spendMonthOf(opportunity, '2026-10-31')).toEqual({
      month: '2026-09',
      wanted: '2026-10',
      substituted: true,
    })
  })
})

describe('chargeTypesFrom', () => {
  it("reads the ruleset's spend_charge_types, else the defaults", () => {
    expect(chargeTypesFrom({ spend_charge_types: ['usage'] })).toEqual(['usage'])
    expect(chargeTypesFrom({})).toEqual(['usage', 'discounted usage', 'RIFee'])
    expect(chargeTypesFrom({ spend_charge_types: [1, 2] })).toEqual(['usage', 'discounted usage', 'RIFee'])
  })
})
