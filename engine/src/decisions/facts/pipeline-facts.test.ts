import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOpportunityFacts, type OpportunityFacts } from './opportunity-facts.ts'
import { countAccountsNamed, loadPipelineFacts } from './pipeline-facts.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let opportunities: OpportunityFacts[]

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, {
    match: false,
    size: { companies: 40, odooOpportunities: 80, aceOpportunities: 120, billingMonths: 2 },
  })
  opportunities = [...(await loadOpportunityFacts(db.sql, { tenantId: 'demo', asOf: AS_OF })).values()]
})
afterAll(() => fixture.dispose())

describe('loadPipelineFacts', () => {
  it('lists the other open ACE opportunities on the same account, as the APN database has them', async () => {
    const facts = await loadPipelineFacts(db.sql, { tenantId: 'demo' }, opportunities)
    const expected = await fixture.apn<{ id: string; others: string[] }[]>`
      select o.id, array(
        select p.id from opportunity p
        where p.id <> o.id and regexp_replace(p.aws_account, '[^0-9]', '', 'g') = regexp_replace(o.aws_account, '[^0-9]', '', 'g')
          and length(regexp_replace(p.aws_account, '[^0-9]', '', 'g')) = 12
          and p.stage_name not in ('Launched', 'Closed Lost') order by p.id) as others
      from opportunity o order by o.id`
    let competing = 0
    for (const { id, others } of expected) {
      expect(facts.get(id), id).toMatchObject({ open_on_account: others.length, other_on_account: others })
      if (others.length > 0) competing++
    }
    expect(competing).toBeGreaterThan(0)
  })

  it('counts the accounts an opportunity names', async () => {
    const facts = await loadPipelineFacts(db.sql, { tenantId: 'demo' }, opportunities)
    for (const opportunity of opportunities) {
      expect(facts.get(opportunity.id)!.accounts_on_opportunity).toBe(opportunity.aws_account_valid ? 1 : 0)
    }
  })
})

describe('countAccountsNamed', () => {
  const named = (raw: string | null, valid = false) =>
    countAccountsNamed({ aws_account_raw: raw, aws_account_valid: valid } as OpportunityFacts)

  it('counts a valid id as one and the distinct ids written in a malformed value', () => {
    expect(named('123456789012', true)).toBe(1)
    expect(named(null)).toBe(0)
    expect(named('n/a')).toBe(0)
    expect(named('1234-5678-9012, 210987654321')).toBe(2)
    expect(named('123456789012 / 1234 5678 9012')).toBe(1)
  })
})
