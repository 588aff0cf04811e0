// The Selling API operations the fake answers, each a plain function over the store: JSON object in,
// output object out, a FakeServiceError where AWS would answer with an error.
import type {
  GetAwsOpportunitySummaryResponse,
  GetOpportunityResponse,
  UpdateOpportunityResponse,
} from '@aws-sdk/client-partnercentral-selling'
import { z } from 'zod'
import { type SellingOpportunity, UNDER_REVIEW_STATUSES } from '../opportunity-record.ts'
import { listOpportunities } from './fake-list.ts'
import type { FakeStore } from './fake-store.ts'
import {
  catalogSchema,
  conflictError,
  notFoundError,
  parseInput,
  validationError,
  wireDateSchema,
} from './fake-wire.ts'

export interface OperationContext {
  store: FakeStore
  /** True when an injected conflict should answer this update (someone else wrote just before). */
  takeConflict: () => boolean
}

export type Operation = (body: Record<string, unknown>, context: OperationContext) => object

/** The operations by their X-Amz-Target name (after `AWSPartnerCentralSelling.`). */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  ListOpportunities: (body, { store }) => listOpportunities(store, body),
  GetOpportunity: getOpportunity,
  GetAwsOpportunitySummary: getAwsOpportunitySummary,
  UpdateOpportunity: updateOpportunity,
}

/**
 * What a partner may write with UpdateOpportunity (the request's members). Everything else the record
 * holds (Id, Arn, CreatedDate, RelatedEntityIdentifiers, OpportunityTeam) is the server's and stays.
 */
const PARTNER_FIELDS = [
  'PrimaryNeedsFromAws',
  'NationalSecurity',
  'PartnerOpportunityIdentifier',
  'Customer',
  'Project',
  'OpportunityType',
  'Marketing',
  'SoftwareRevenue',
  'LifeCycle',
] as const satisfies readonly (keyof SellingOpportunity)[]

/** LifeCycle members AWS sets (review outcome, stage, history); an update leaves them as they were. */
const SERVER_LIFE_CYCLE_FIELDS = [
  'Stage',
  'ReviewStatus',
  'ReviewComments',
  'ReviewStatusReason',
  'NextStepsHistory',
] as const

const getInputSchema = z.looseObject({ Catalog: catalogSchema, Identifier: z.string().min(1) })
const getAwsSummaryInputSchema = z.looseObject({
  Catalog: catalogSchema,
  RelatedOpportunityIdentifier: z.string().min(1),
})
const updateInputSchema = z.looseObject({
  Catalog: catalogSchema,
  Identifier: z.string().min(1),
  LastModifiedDate: wireDateSchema,
})

function getOpportunity(body: Record<string, unknown>, { store }: OperationContext): GetOpportunityResponse {
  const input = parseInput(getInputSchema, body)
  const record = store.visible(input.Catalog, input.Identifier)
  if (!record) throw notFoundError(`Opportunity ${input.Identifier} not found`)
  return { ...record.opportunity, Catalog: input.Catalog }
}

function getAwsOpportunitySummary(
  body: Record<string, unknown>,
  { store }: OperationContext,
): GetAwsOpportunitySummaryResponse {
  const input = parseInput(getAwsSummaryInputSchema, body)
  const id = input.RelatedOpportunityIdentifier
  const record = store.visible(input.Catalog, id)
  if (!record) throw notFoundError(`Opportunity ${id} not found`)
  if (!record.awsSummary) throw notFoundError(`No AWS opportunity summary for ${id}`)
  return { ...record.awsSummary, RelatedOpportunityId: id, Catalog: input.Catalog }
}

/**
 * A full replace, as AWS documents it: members the request leaves out are cleared. The request's
 * LastModifiedDate is the lock: it must equal the stored one to the millisecond (the wire's precision).
 */
function updateOpportunity(
  body: Record<string, unknown>,
  { store, takeConflict }: OperationContext,
): UpdateOpportunityResponse {
  const input = parseInput(updateInputSchema, body)
  const id = input.Identifier
  const current = store.visible(input.Catalog, id)?.opportunity
  if (!current) throw notFoundError(`Opportunity ${id} not found`)
  if (takeConflict()) throw conflictError(`Opportunity ${id} was modified by another request`)
  if (input.LastModifiedDate.getTime() !== current.LastModifiedDate?.getTime()) {
    throw conflictError(
      `Opportunity ${id} was modified at ${current.LastModifiedDate?.toISOString()}, ` +
        `not ${input.LastModifiedDate.toISOString()}`,
    )
  }
  const reviewStatus = current.LifeCycle?.ReviewStatus
  if (reviewStatus && UNDER_REVIEW_STATUSES.includes(reviewStatus)) {
    throw validationError(
      `Opportunity ${id} is under review (${reviewStatus}) and cannot be updated until AWS has reviewed it`,
      'BUSINESS_VALIDATION_FAILED',
    )
  }
  const replaced = replacePartnerFields(current, body)
  const lastModified = store.write(input.Catalog, id, (record) => {
    record.opportunity = replaced
  })
  return { Id: id, LastModifiedDate: lastModified }
}

function replacePartnerFields(
  current: SellingOpportunity,
  body: Record<string, unknown>,
): SellingOpportunity {
  const next: Record<string, unknown> = { ...structuredClone(current) }
  for (const field of PARTNER_FIELDS) {
    if (body[field] === undefined || body[field] === null) delete next[field]
    else next[field] = structuredClone(body[field])
  }
  const lifeCycle: Record<string, unknown> = { ...(next.LifeCycle as object | undefined) }
  for (const field of SERVER_LIFE_CYCLE_FIELDS) {
    const kept = current.LifeCycle?.[field]
    if (kept === undefined) delete lifeCycle[field]
    else lifeCycle[field] = structuredClone(kept)
  }
  if (Object.keys(lifeCycle).length > 0) next.LifeCycle = lifeCycle
  else delete next.LifeCycle
  return next as SellingOpportunity
}
