import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decisionsConfigSchema } from '../decisions-config.ts'
import { type EndUserRecord, loadEndUserFacts, toEndUserFacts } from './end-user-facts.ts'
import { loadOpportunityFacts, type OpportunityFacts } from './opportunity-facts.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let opportunities: OpportunityFacts[]
const source = decisionsConfigSchema.parse({ end_user: { source: 'apn' } }).end_user

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, { match: false })
  opportunities = [...(await loadOpportunityFacts(db.sql, { tenantId: 'demo', asOf: AS_OF })).values()]
})
afterAll(() => fixture.dispose())

describe('loadEndUserFacts', () => {
  it('is null for every opportunity when the tenant configures no end-user source', async () => {
    const facts = await loadEndUserFacts(db.sql, { tenantId: 'demo', source: null }, opportunities)
    expect(facts.size).toBe(opportunities.length)
    for (const value of facts.values()) expect(value).toBeNull()
  })

  it("reads the opportunity's end-user report from the configured source, as the APN database has it", async () => {
    expect(source).toMatchObject({
      source: 'apn',
      table: 'end_user',
      fields: { reported_date: 'reported_date' },
    })
    const facts = await loadEndUserFacts(db.sql, { tenantId: 'demo', source }, opportunities)
    const reports = await fixture.apn<
      {
        opportunity_id: string
        usage_type: string
        government_advising: boolean
        days_after_creation: number
      }[]
    >`select e.opportunity_id, e.usage_type, e.government_advising,
             e.reported_date - (o.aws_create_date at time zone 'UTC')::date as days_after_creation
      from end_user e join opportunity o on o.id = e.opportunity_id`
    expect(reports.length).toBeGreaterThan(0)
    for (const report of reports) {
      expect(facts.get(report.opportunity_id)).toEqual({
        exists: true,
        usage_type: report.usage_type,
        government_advising: report.government_advising,
        days_after_creation: report.days_after_creation,
      })
    }
    // Without a report of its own, an opportunity has one when another report names its account.
    const reported = await fixture.apn<{ id: string; shared: boolean }[]>`
      select o.id, exists (select 1 from end_user e
                           where regexp_replace(e.aws_account, '[^0-9]', '', 'g') = regexp_replace(o.aws_account, '[^0-9]', '', 'g')) as shared
      from opportunity o where not exists (select 1 from end_user e where e.opportunity_id = o.id)`
    for (const { id, shared } of reported) expect(facts.get(id)?.exists).toBe(shared)
  })
})

describe('toEndUserFacts', () => {
  const opportunity = {
    id: 'O1',
    aws_account_id: '123456789012',
    created_at: '2026-05-01T10:00:00Z',
  } as OpportunityFacts
  const record = (changes: Partial<EndUserRecord>): EndUserRecord => ({
    id: 'E',
    opportunityId: null,
    awsAccountId: '123456789012',
    usageType: 'End User',
    governmentAdvising: false,
    reportedDate: '2026-05-20',
    ...changes,
  })

  it('says there is no record when none names the opportunity or its account', () => {
    expect(toEndUserFacts(opportunity, [])).toEqual({
      exists: false,
      usage_type: null,
      government_advising: null,
      days_after_creation: null,
    })
  })

  it("prefers the opportunity's own report, then the first on its account after its creation", () => {
    const own = record({ id: 'own', opportunityId: 'O1', reportedDate: '2026-07-01', usageType: 'Reseller' })
    const early = record({ id: 'early', reportedDate: '2026-04-01' })
    const after = record({ id: 'after', reportedDate: '2026-05-11' })
    const later = record({ id: 'later', reportedDate: '2026-06-11' })
    expect(toEndUserFacts(opportunity, [early, later, own, after])).toMatchObject({
      usage_type: 'Reseller',
      days_after_creation: 61,
    })
    expect(toEndUserFacts(opportunity, [early, later, after]).days_after_creation).toBe(10)
    expect(toEndUserFacts(opportunity, [early]).days_after_creation).toBe(-30)
  })

  it('leaves the days unknown when the report has no date', () => {
    expect(toEndUserFacts(opportunity, [record({ reportedDate: null, governmentAdvising: null })])).toEqual({
      exists: true,
      usage_type: 'End User',
      government_advising: null,
      days_after_creation: null,
    })
  })
})
