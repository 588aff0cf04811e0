// ListOpportunities: filter, sort, page, and answer in the summary shape, which (as the real API's)
// leaves out most of an opportunity: no title, business problem, contacts or AWS account id.
import { createHash } from 'node:crypto'
import type { ListOpportunitiesResponse, OpportunitySummary } from '@aws-sdk/client-partnercentral-selling'
import { z } from 'zod'
import type { Catalog, SellingOpportunity } from '../opportunity-record.ts'
import type { FakeStore } from './fake-store.ts'
import { catalogSchema, parseInput, validationError, wireDateSchema } from './fake-wire.ts'

const SORT_KEYS = [
  'LastModifiedDate',
  'Identifier',
  'CreatedDate',
  'CustomerCompanyName',
  'TargetCloseDate',
] as const
type SortKey = (typeof SORT_KEYS)[number]

const listInputSchema = z.looseObject({
  Catalog: catalogSchema,
  MaxResults: z.number().int().min(1).max(100).default(20),
  NextToken: z.string().min(1).optional(),
  Sort: z
    .object({ SortBy: z.enum(SORT_KEYS), SortOrder: z.enum(['ASCENDING', 'DESCENDING']) })
    .default({ SortBy: 'LastModifiedDate', SortOrder: 'ASCENDING' }),
  LastModifiedDate: z
    .object({
      AfterLastModifiedDate: wireDateSchema.optional(),
      BeforeLastModifiedDate: wireDateSchema.optional(),
    })
    .optional(),
  CreatedDate: z
    .object({ AfterCreatedDate: wireDateSchema.optional(), BeforeCreatedDate: wireDateSchema.optional() })
    .optional(),
  TargetCloseDate: z
    .object({ AfterTargetCloseDate: z.string().optional(), BeforeTargetCloseDate: z.string().optional() })
    .optional(),
  Identifier: z.array(z.string()).min(1).optional(),
  LifeCycleStage: z.array(z.string()).min(1).optional(),
  LifeCycleReviewStatus: z.array(z.string()).min(1).optional(),
  CustomerCompanyName: z.array(z.string()).min(1).optional(),
})
type ListInput = z.output<typeof listInputSchema>

/** Where the previous page ended, and which query it belongs to. */
const cursorSchema = z.object({ key: z.union([z.string(), z.number()]), id: z.string(), query: z.string() })
type Cursor = z.output<typeof cursorSchema>

export function listOpportunities(
  store: FakeStore,
  body: Record<string, unknown>,
): ListOpportunitiesResponse {
  const input = parseInput(listInputSchema, body)
  const query = fingerprintQuery(input)
  const cursor = input.NextToken === undefined ? null : decodeCursor(input.NextToken, query)
  const sortBy = input.Sort.SortBy
  const direction = input.Sort.SortOrder === 'ASCENDING' ? 1 : -1
  const order = (a: Position, b: Position) => direction * (compare(a.key, b.key) || compare(a.id, b.id))

  const matching = store
    .allVisible(input.Catalog)
    .map((record) => record.opportunity)
    .filter((opportunity) => matchesFilters(opportunity, input))
    .map((opportunity) => ({ opportunity, key: sortValue(opportunity, sortBy), id: opportunity.Id ?? '' }))
    .sort(order)
  // The cursor is a position, not an offset: a page starts after the last item the previous one gave,
  // so records that change meanwhile move (as they would in AWS) instead of shifting everything by one.
  const remaining = cursor ? matching.filter((item) => order(item, cursor) > 0) : matching
  const page = remaining.slice(0, input.MaxResults)
  const last = page.at(-1)
  return {
    OpportunitySummaries: page.map((item) => summarizeOpportunity(input.Catalog, item.opportunity)),
    NextToken:
      last && remaining.length > page.length
        ? encodeCursor({ key: last.key, id: last.id, query })
        : undefined,
  }
}

/** The summary shape ListOpportunities answers with; everything else stays behind GetOpportunity. */
export function summarizeOpportunity(catalog: Catalog, opportunity: SellingOpportunity): OpportunitySummary {
  const { LifeCycle: lifeCycle, Project: project } = opportunity
  const account = opportunity.Customer?.Account
  return {
    Catalog: catalog,
    Id: opportunity.Id,
    Arn: opportunity.Arn,
    PartnerOpportunityIdentifier: opportunity.PartnerOpportunityIdentifier,
    OpportunityType: opportunity.OpportunityType,
    LastModifiedDate: opportunity.LastModifiedDate,
    CreatedDate: opportunity.CreatedDate,
    LifeCycle: lifeCycle && {
      Stage: lifeCycle.Stage,
      ClosedLostReason: lifeCycle.ClosedLostReason,
      NextSteps: lifeCycle.NextSteps,
      TargetCloseDate: lifeCycle.TargetCloseDate,
      ReviewStatus: lifeCycle.ReviewStatus,
      ReviewComments: lifeCycle.ReviewComments,
      ReviewStatusReason: lifeCycle.ReviewStatusReason,
    },
    Customer: account && {
      Account: {
        CompanyName: account.CompanyName,
        WebsiteUrl: account.WebsiteUrl,
        Industry: account.Industry,
        OtherIndustry: account.OtherIndustry,
        Address: account.Address && {
          City: account.Address.City,
          PostalCode: account.Address.PostalCode,
          StateOrRegion: account.Address.StateOrRegion,
          CountryCode: account.Address.CountryCode,
        },
      },
    },
    Project: project && {
      DeliveryModels: project.DeliveryModels,
      ExpectedCustomerSpend: project.ExpectedCustomerSpend,
      ExpectedContractDuration: project.ExpectedContractDuration,
    },
  }
}

interface Position {
  key: string | number
  id: string
}

// Both bounds as AWS documents them: "after" means on or after (inclusive), "before" strictly before.
function matchesFilters(opportunity: SellingOpportunity, input: ListInput): boolean {
  const modified = opportunity.LastModifiedDate?.getTime() ?? 0
  const created = opportunity.CreatedDate?.getTime() ?? 0
  const closes = opportunity.LifeCycle?.TargetCloseDate ?? ''
  const lastModified = input.LastModifiedDate
  const createdDate = input.CreatedDate
  const closeDate = input.TargetCloseDate
  return (
    within(
      modified,
      lastModified?.AfterLastModifiedDate?.getTime(),
      lastModified?.BeforeLastModifiedDate?.getTime(),
    ) &&
    within(created, createdDate?.AfterCreatedDate?.getTime(), createdDate?.BeforeCreatedDate?.getTime()) &&
    within(closes, closeDate?.AfterTargetCloseDate, closeDate?.BeforeTargetCloseDate) &&
    oneOf(opportunity.Id, input.Identifier) &&
    oneOf(opportunity.LifeCycle?.Stage, input.LifeCycleStage) &&
    oneOf(opportunity.LifeCycle?.ReviewStatus, input.LifeCycleReviewStatus) &&
    oneOf(opportunity.Customer?.Account?.CompanyName, input.CustomerCompanyName)
  )
}

function within<T extends string | number>(value: T, from: T | undefined, before: T | undefined): boolean {
  return (from === undefined || value >= from) && (before === undefined || value < before)
}

function oneOf(value: string | undefined, allowed: string[] | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value))
}

function sortValue(opportunity: SellingOpportunity, sortBy: SortKey): string | number {
  switch (sortBy) {
    case 'LastModifiedDate':
      return opportunity.LastModifiedDate?.getTime() ?? 0
    case 'CreatedDate':
      return opportunity.CreatedDate?.getTime() ?? 0
    case 'Identifier':
      return opportunity.Id ?? ''
    case 'CustomerCompanyName':
      return opportunity.Customer?.Account?.CompanyName ?? ''
    case 'TargetCloseDate':
      return opportunity.LifeCycle?.TargetCloseDate ?? ''
  }
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The query a token belongs to, so a token handed to another query is refused instead of misread. */
function fingerprintQuery(input: ListInput): string {
  const { MaxResults: _pageSize, NextToken: _token, ...query } = input
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16)
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

function decodeCursor(token: string, query: string): Cursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw validationError('NextToken: not a token this API issued')
  }
  const cursor = cursorSchema.safeParse(parsed)
  if (!cursor.success) throw validationError('NextToken: not a token this API issued')
  if (cursor.data.query !== query) throw validationError('NextToken: issued for a different query')
  return cursor.data
}
