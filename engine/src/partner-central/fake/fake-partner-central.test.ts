// The fake as the real SDK sees it: every test talks to it through PartnerCentralSellingClient over HTTP,
// signed with SigV4, so what passes here is what the Selling API source will meet.
import {
  GetAwsOpportunitySummaryCommand,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  type ListOpportunitiesCommandInput,
  ListSolutionsCommand,
  PartnerCentralSellingClient,
  type PartnerCentralSellingClientConfig,
  UpdateOpportunityCommand,
  type UpdateOpportunityCommandInput,
} from '@aws-sdk/client-partnercentral-selling'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Catalog, PartnerCentralRecord } from '../opportunity-record.ts'
import { FAKE_PARTNER_CENTRAL_CREDENTIALS, FakePartnerCentral } from './fake-partner-central.ts'

const BASE = Date.parse('2025-03-01T08:00:00.000Z')

/** Opportunity n, last modified n minutes (and 123 ms, to see milliseconds survive) after BASE. */
function makeRecord(n: number, catalog: Catalog = 'AWS'): PartnerCentralRecord {
  const id = `O${String(n).padStart(7, '0')}`
  return {
    opportunity: {
      Catalog: catalog,
      Id: id,
      Arn: `arn:aws:partnercentral:us-east-1::catalog/${catalog}/opportunity/${id}`,
      PartnerOpportunityIdentifier: `odoo-${n}`,
      OpportunityType: 'Net New Business',
      LastModifiedDate: new Date(BASE + n * 60_000 + 123),
      CreatedDate: new Date(BASE - 86_400_000),
      RelatedEntityIdentifiers: { Solutions: ['S-0000001'] },
      PrimaryNeedsFromAws: ['Co-Sell - Architectural Validation'],
      Customer: {
        Account: {
          CompanyName: `Company ${n}`,
          WebsiteUrl: `https://company-${n}.example`,
          Industry: 'Software and Internet',
          AwsAccountId: '123456789012',
          Address: { City: 'Berlin', PostalCode: '10115', StateOrRegion: 'Berlin', CountryCode: 'DE' },
        },
      },
      Project: {
        Title: `Migration ${n}`,
        CustomerBusinessProblem: 'The data centre lease ends next year and the team wants to move first.',
        CustomerUseCase: 'Migration / Database Migration',
        DeliveryModels: ['Professional Services'],
        ExpectedCustomerSpend: [
          { Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
      Marketing: { Source: 'None' },
      LifeCycle: {
        Stage: 'Qualified',
        ReviewStatus: 'Approved',
        TargetCloseDate: '2025-12-31',
        NextSteps: 'Call',
      },
    },
    awsSummary: {
      Catalog: catalog,
      RelatedOpportunityId: id,
      Origin: 'Partner Referral',
      InvolvementType: 'Co-Sell',
      Visibility: 'Full',
    },
  }
}

describe('FakePartnerCentral', () => {
  let fake: FakePartnerCentral
  let clock: Date
  const clients: PartnerCentralSellingClient[] = []

  function connect(config: Partial<PartnerCentralSellingClientConfig> = {}): PartnerCentralSellingClient {
    const client = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: fake.endpoint,
      credentials: FAKE_PARTNER_CENTRAL_CREDENTIALS,
      maxAttempts: 3,
      ...config,
    })
    clients.push(client)
    return client
  }

  async function listAll(client: PartnerCentralSellingClient, input: ListOpportunitiesCommandInput) {
    const pages = []
    let NextToken: string | undefined
    do {
      const page = await client.send(new ListOpportunitiesCommand({ ...input, NextToken }))
      pages.push(page.OpportunitySummaries ?? [])
      NextToken = page.NextToken
    } while (NextToken)
    return pages
  }

  beforeEach(async () => {
    clock = new Date(BASE + 86_400_000)
    fake = await FakePartnerCentral.start({ now: () => clock })
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await fake.close()
  })

  it('pages through 250 records with MaxResults 100: three pages, every id once', async () => {
    for (let n = 0; n < 250; n += 1) fake.put('AWS', makeRecord(n))
    const pages = await listAll(connect(), { Catalog: 'AWS', MaxResults: 100 })
    expect(pages.map((page) => page.length)).toEqual([100, 100, 50])
    const ids = pages.flat().map((summary) => summary.Id)
    expect(new Set(ids).size).toBe(250)
    expect(fake.size('AWS')).toBe(250)
  })

  it('includes records modified exactly at AfterLastModifiedDate and sorts ascending by it', async () => {
    for (const n of [7, 3, 9, 5, 1]) fake.put('AWS', makeRecord(n))
    const after = makeRecord(5).opportunity.LastModifiedDate!
    const [page] = await listAll(connect(), {
      Catalog: 'AWS',
      LastModifiedDate: { AfterLastModifiedDate: after },
    })
    expect(page?.map((summary) => summary.Id)).toEqual(['O0000005', 'O0000007', 'O0000009'])
    // Dates come back as Dates, to the millisecond.
    expect(page?.[0]?.LastModifiedDate).toEqual(after)

    const [before] = await listAll(connect(), {
      Catalog: 'AWS',
      LastModifiedDate: { BeforeLastModifiedDate: after },
      Sort: { SortBy: 'LastModifiedDate', SortOrder: 'DESCENDING' },
    })
    expect(before?.map((summary) => summary.Id)).toEqual(['O0000003', 'O0000001'])
  })

  it('answers List with summaries that lack what only GetOpportunity gives', async () => {
    fake.put('AWS', makeRecord(1))
    const client = connect()
    const list = await client.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))
    const summary = list.OpportunitySummaries?.[0]
    expect(summary?.Customer?.Account).toEqual({
      CompanyName: 'Company 1',
      WebsiteUrl: 'https://company-1.example',
      Industry: 'Software and Internet',
      Address: { City: 'Berlin', PostalCode: '10115', StateOrRegion: 'Berlin', CountryCode: 'DE' },
    })
    expect(summary?.Project).toEqual({
      DeliveryModels: ['Professional Services'],
      ExpectedCustomerSpend: [
        { Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
      ],
    })
    expect(summary?.LifeCycle).toMatchObject({
      Stage: 'Qualified',
      ReviewStatus: 'Approved',
      NextSteps: 'Call',
    })
    expect(JSON.stringify(summary)).not.toMatch(/Title|CustomerBusinessProblem|AwsAccountId/)

    const { $metadata: _metadata, ...opportunity } = await client.send(
      new GetOpportunityCommand({ Catalog: 'AWS', Identifier: 'O0000001' }),
    )
    expect(opportunity).toEqual(makeRecord(1).opportunity)
  })

  it('answers GetAwsOpportunitySummary with AWS side, and ResourceNotFound where there is none', async () => {
    fake.put('AWS', makeRecord(1))
    fake.put('AWS', { ...makeRecord(2), awsSummary: null })
    const client = connect()
    const summary = await client.send(
      new GetAwsOpportunitySummaryCommand({ Catalog: 'AWS', RelatedOpportunityIdentifier: 'O0000001' }),
    )
    expect(summary).toMatchObject({
      Origin: 'Partner Referral',
      RelatedOpportunityId: 'O0000001',
      Catalog: 'AWS',
    })
    await expect(
      client.send(
        new GetAwsOpportunitySummaryCommand({ Catalog: 'AWS', RelatedOpportunityIdentifier: 'O0000002' }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } })
  })

  it('keeps the Sandbox and AWS catalogs apart', async () => {
    fake.put('AWS', makeRecord(1))
    fake.put('AWS', makeRecord(2))
    fake.put('Sandbox', makeRecord(1, 'Sandbox'))
    const client = connect()
    const [sandbox] = await listAll(client, { Catalog: 'Sandbox' })
    expect(sandbox?.map((summary) => [summary.Id, summary.Catalog])).toEqual([['O0000001', 'Sandbox']])
    await expect(
      client.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: 'O0000002' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' })
    expect([fake.size('AWS'), fake.size('Sandbox')]).toEqual([2, 1])
    await expect(client.send(new ListOpportunitiesCommand({ Catalog: 'Other' }))).rejects.toMatchObject({
      name: 'ValidationException',
      Reason: 'REQUEST_VALIDATION_FAILED',
      $metadata: { httpStatusCode: 400 },
    })
  })

  it('refuses MaxResults over 100 and a NextToken it did not issue', async () => {
    fake.put('AWS', makeRecord(1))
    const client = connect()
    await expect(
      client.send(new ListOpportunitiesCommand({ Catalog: 'AWS', MaxResults: 101 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    })
    await expect(
      client.send(new ListOpportunitiesCommand({ Catalog: 'AWS', NextToken: 'not-a-token' })),
    ).rejects.toMatchObject({ name: 'ValidationException' })
  })

  it('throttles: two 429s are absorbed by the retries, five surface as ThrottlingException', async () => {
    fake.put('AWS', makeRecord(1))
    const client = connect()
    fake.faults.throttle(2, 'ListOpportunities')
    const page = await client.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))
    expect(page.OpportunitySummaries).toHaveLength(1)
    expect(fake.requests.map((request) => request.status)).toEqual([429, 429, 200])
    expect(fake.requests.every((request) => request.catalog === 'AWS' && request.signatureValid)).toBe(true)

    fake.faults.throttle(5)
    await expect(client.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429, attempts: 3 },
    })
    expect(fake.requests.slice(3).map((request) => request.status)).toEqual([429, 429, 429])
  })

  it('updates only against the current LastModifiedDate, replacing what the partner may write', async () => {
    fake.put('AWS', makeRecord(1))
    const client = connect()
    const current = await client.send(new GetOpportunityCommand({ Catalog: 'AWS', Identifier: 'O0000001' }))
    const update = (LastModifiedDate: Date): UpdateOpportunityCommandInput => ({
      Catalog: 'AWS',
      Identifier: 'O0000001',
      LastModifiedDate,
      Customer: current.Customer,
      // Project without its business problem, and no Marketing at all: both are cleared.
      Project: { ...current.Project, CustomerBusinessProblem: undefined, Title: 'Renamed' },
      LifeCycle: { ...current.LifeCycle, Stage: 'Launched', NextSteps: 'Kick-off' },
    })

    const stale = new Date(current.LastModifiedDate!.getTime() - 1)
    await expect(client.send(new UpdateOpportunityCommand(update(stale)))).rejects.toMatchObject({
      name: 'ConflictException',
      $metadata: { httpStatusCode: 409 },
    })

    const answer = await client.send(new UpdateOpportunityCommand(update(current.LastModifiedDate!)))
    expect(answer).toMatchObject({ Id: 'O0000001', LastModifiedDate: clock })
    const stored = fake.record('AWS', 'O0000001')?.opportunity
    expect(stored?.LastModifiedDate).toEqual(clock)
    expect(stored?.Project?.Title).toBe('Renamed')
    expect(stored?.Project).not.toHaveProperty('CustomerBusinessProblem')
    expect(stored).not.toHaveProperty('Marketing')
    expect(stored?.PrimaryNeedsFromAws).toBeUndefined()
    // What AWS owns stays: the stage, the review, the related entities, the creation date.
    expect(stored?.LifeCycle).toMatchObject({
      Stage: 'Qualified',
      ReviewStatus: 'Approved',
      NextSteps: 'Kick-off',
    })
    expect(stored?.RelatedEntityIdentifiers).toEqual({ Solutions: ['S-0000001'] })
    expect(stored?.CreatedDate).toEqual(current.CreatedDate)
  })

  it('answers an injected conflict once, even with a current LastModifiedDate', async () => {
    fake.put('AWS', makeRecord(1))
    const client = connect()
    const { LastModifiedDate } = fake.record('AWS', 'O0000001')!.opportunity
    const input = { Catalog: 'AWS', Identifier: 'O0000001', LastModifiedDate }
    fake.faults.conflict(1)
    await expect(client.send(new UpdateOpportunityCommand(input))).rejects.toMatchObject({
      name: 'ConflictException',
    })
    await expect(client.send(new UpdateOpportunityCommand(input))).resolves.toMatchObject({ Id: 'O0000001' })
  })

  it('refuses an update while the opportunity is under review', async () => {
    const submitted = makeRecord(1)
    submitted.opportunity.LifeCycle = { ...submitted.opportunity.LifeCycle, ReviewStatus: 'Submitted' }
    fake.put('AWS', submitted)
    const update = new UpdateOpportunityCommand({
      Catalog: 'AWS',
      Identifier: 'O0000001',
      LastModifiedDate: submitted.opportunity.LastModifiedDate,
    })
    const error = await connect()
      .send(update)
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })
    expect((error as Error).message).toMatch(/under review/)
    expect(fake.record('AWS', 'O0000001')?.opportunity.LastModifiedDate).toEqual(
      submitted.opportunity.LastModifiedDate,
    )
  })

  it('moves LastModifiedDate strictly forward when someone else modifies a record', async () => {
    fake.put('AWS', makeRecord(1))
    const before = fake.record('AWS', 'O0000001')!.opportunity.LastModifiedDate!
    clock = new Date(before.getTime() - 60_000) // a clock behind the record's date
    fake.modify('AWS', 'O0000001', (record) => {
      record.opportunity.LifeCycle = { ...record.opportunity.LifeCycle, ReviewStatus: 'Action Required' }
    })
    const [page] = await listAll(connect(), {
      Catalog: 'AWS',
      LastModifiedDate: { AfterLastModifiedDate: new Date(before.getTime() + 1) },
    })
    expect(page?.map((summary) => [summary.LastModifiedDate, summary.LifeCycle?.ReviewStatus])).toEqual([
      [new Date(before.getTime() + 1), 'Action Required'],
    ])
  })

  it('makes a garbled answer reject the SDK call with a deserialization error', async () => {
    fake.put('AWS', makeRecord(1))
    fake.faults.malform(1, 'GetOpportunity')
    const client = connect()
    const error = await client
      .send(new GetOpportunityCommand({ Catalog: 'AWS', Identifier: 'O0000001' }))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SyntaxError)
    expect((error as Error).message).toMatch(/Deserialization error/)
    expect(fake.requests.map((request) => request.status)).toEqual([200])
    // Only the next answer was garbled.
    await expect(
      client.send(new GetOpportunityCommand({ Catalog: 'AWS', Identifier: 'O0000001' })),
    ).resolves.toMatchObject({ Id: 'O0000001' })
  })

  it('refuses a wrong secret (403, signature invalid) and an unknown key id', async () => {
    fake.put('AWS', makeRecord(1))
    const wrongSecret = connect({
      credentials: { ...FAKE_PARTNER_CENTRAL_CREDENTIALS, secretAccessKey: 'not-the-secret' },
    })
    await expect(wrongSecret.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    })
    expect(fake.requests.at(-1)).toMatchObject({
      accessKeyId: FAKE_PARTNER_CENTRAL_CREDENTIALS.accessKeyId,
      catalog: 'AWS',
      signatureValid: false,
      status: 403,
    })

    const unknownKey = connect({ credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } })
    await expect(unknownKey.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    })
    expect(fake.requests.at(-1)).toMatchObject({ accessKeyId: 'AKIAUNKNOWN', signatureValid: false })
  })

  it('hides a record: Get answers ResourceNotFoundException and List leaves it out', async () => {
    fake.put('AWS', makeRecord(1))
    fake.put('AWS', makeRecord(2))
    fake.hide('AWS', 'O0000001')
    const client = connect()
    await expect(
      client.send(new GetOpportunityCommand({ Catalog: 'AWS', Identifier: 'O0000001' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } })
    const [page] = await listAll(client, { Catalog: 'AWS' })
    expect(page?.map((summary) => summary.Id)).toEqual(['O0000002'])
    expect(fake.size('AWS')).toBe(1)
    expect(fake.record('AWS', 'O0000001')?.opportunity.Id).toBe('O0000001')
  })

  it('answers an operation it does not implement with UnknownOperationException', async () => {
    await expect(connect().send(new ListSolutionsCommand({ Catalog: 'AWS' }))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    })
    expect(fake.requests.at(-1)).toMatchObject({ operation: 'ListSolutions', signatureValid: true })
  })
})
