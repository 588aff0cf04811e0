import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOpportunityFacts, type OpportunityRecord, toOpportunityFacts } from './opportunity-facts.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { match: false })
})
afterAll(() => fixture.dispose())

const DAY = 86_400_000

describe('loadOpportunityFacts', () => {
  it('gives every ACE opportunity its stage, ownership, close date and date facts as the source has them', async () => {
    const facts = await loadOpportunityFacts(db.sql, { tenantId: 'demo', asOf: AS_OF })
    const source = await fixture.apn<
      { id: string; opportunity_ownership: string | null; close_date: string; status: string }[]
    >`select id, opportunity_ownership, close_date::text, status from opportunity order by id`
    expect([...facts.keys()]).toEqual(source.map((row) => row.id))
    for (const row of source) {
      const opportunity = facts.get(row.id)!
      expect(opportunity.ownership).toBe(row.opportunity_ownership)
      expect(opportunity.close_date).toBe(row.close_date)
      expect(opportunity.days_until_close).toBe((Date.parse(row.close_date) - Date.parse(AS_OF)) / DAY)
      const close = new Date(`${row.close_date}T00:00:00Z`)
      const start = new Date(Date.UTC(close.getUTCFullYear(), close.getUTCMonth() + 1, 1))
      const end = new Date(Date.UTC(start.getUTCFullYear() + 2, start.getUTCMonth(), 1) - DAY)
      expect(opportunity.benefit_window_start).toBe(start.toISOString().slice(0, 10))
      expect(opportunity.benefit_window_end).toBe(end.toISOString().slice(0, 10))
      expect(opportunity.is_open).toBe(
        opportunity.stage !== 'Launched' && opportunity.stage !== 'Closed Lost',
      )
      expect(opportunity.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    }
  })

  it('marks an account registered only when its valid id is in the account registry', async () => {
    const facts = await loadOpportunityFacts(db.sql, { tenantId: 'demo', asOf: AS_OF })
    const registry = new Set(
      (
        await db.sql<
          { id: string }[]
        >`select aws_account_id as id from core.aws_accounts where aws_account_id is not null`
      ).map((row) => row.id),
    )
    const seen = { registered: 0, unregistered: 0, none: 0 }
    for (const truth of fixture.truth) {
      const opportunity = facts.get(truth.aceId)!
      expect(opportunity.aws_account_registered).toBe(
        opportunity.aws_account_valid && registry.has(opportunity.aws_account_id!),
      )
      if (truth.note.includes('account:none')) {
        expect(opportunity.aws_account_valid).toBe(false)
        expect(opportunity.aws_account_id).toBeNull()
        seen.none++
      } else if (truth.note.includes('account:unregistered')) {
        expect(opportunity.aws_account_valid).toBe(true)
        expect(opportunity.aws_account_registered).toBe(false)
        seen.unregistered++
      } else {
        expect(opportunity.aws_account_registered).toBe(true)
        // Written with dashes in ACE, canonical in the facts.
        expect(opportunity.aws_account_id).toBe(opportunity.aws_account_raw!.replaceAll('-', ''))
        seen.registered++
      }
    }
    expect(seen.registered).toBeGreaterThan(0)
    expect(seen.none).toBeGreaterThan(0)
  })

  it('reads only the opportunities asked for', async () => {
    const [first, second] = fixture.truth
    const facts = await loadOpportunityFacts(db.sql, {
      tenantId: 'demo',
      asOf: AS_OF,
      aceIds: [first!.aceId, second!.aceId, 'O-unknown'],
    })
    expect([...facts.keys()].sort()).toEqual([first!.aceId, second!.aceId].sort())
  })
})

describe('toOpportunityFacts', () => {
  const record: OpportunityRecord = {
    ace_id: 'O1',
    stage: 'Closed Lost',
    status: 'Approved',
    ownership: 'Partner Referral',
    close_date: null,
    created_at: null,
    aws_account_id_raw: '1234-5678',
    aws_account_id: null,
    aws_account_id_status: 'malformed',
    registered: false,
  }

  it('leaves date facts unavailable without a close date and the account invalid when malformed', () => {
    expect(toOpportunityFacts(record, AS_OF)).toMatchObject({
      is_open: false,
      close_date: null,
      days_until_close: null,
      benefit_window_start: null,
      benefit_window_end: null,
      aws_account_raw: '1234-5678',
      aws_account_id: null,
      aws_account_valid: false,
      aws_account_registered: false,
    })
  })

  it('counts days until close from the as-of date, negative once it has passed', () => {
    const facts = toOpportunityFacts({ ...record, stage: null, close_date: '2026-10-31' }, AS_OF)
    expect(facts.days_until_close).toBe(-1)
    expect(facts.is_open).toBe(true)
    expect(facts.benefit_window_start).toBe('2026-11-01')
    expect(facts.benefit_window_end).toBe('2028-10-31')
  })
})
