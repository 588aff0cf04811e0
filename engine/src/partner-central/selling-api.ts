// The product's side of the Selling API: the SDK client (endpoint and credentials resolved from the
// tenant's source), every attempt paid for from the tenant's shared budget, throttling answered with
// exponential backoff, and the SDK's failures turned into the product's error kinds.
import {
  GetAwsOpportunitySummaryCommand,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  type ListOpportunitiesCommandInput,
  type ListOpportunitiesCommandOutput,
  PartnerCentralSellingClient,
  UpdateOpportunityCommand,
  type UpdateOpportunityCommandInput,
  type UpdateOpportunityCommandOutput,
} from '@aws-sdk/client-partnercentral-selling'
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import { connectionFailureReason, type Sql } from '@revops/db'
import type { ResolvedPartnerCentralSource } from '../config/load-tenant-config.ts'
import { SourceUnavailableError, TooManyRequestsError } from '../shared/errors.ts'
import { FAKE_PARTNER_CENTRAL_CREDENTIALS } from './fake/fake-partner-central.ts'
import { startLocalFake } from './fake/local-fake.ts'
import type { AwsOpportunitySummary, Catalog, SellingOpportunity } from './opportunity-record.ts'
import { type RequestBudget, takeRequest } from './request-budget.ts'

export interface SellingApi {
  readonly catalog: Catalog
  listOpportunities(
    input: Omit<ListOpportunitiesCommandInput, 'Catalog'>,
  ): Promise<ListOpportunitiesCommandOutput>
  getOpportunity(id: string): Promise<SellingOpportunity>
  /** AWS's side of an opportunity; null when AWS has none (a draft never submitted). */
  getAwsSummary(id: string): Promise<AwsOpportunitySummary | null>
  updateOpportunity(
    input: Omit<UpdateOpportunityCommandInput, 'Catalog'>,
  ): Promise<UpdateOpportunityCommandOutput>
  close(): void
}

export interface OpenSellingApiOptions {
  sql: Sql
  tenantId: string
  source: ResolvedPartnerCentralSource
  signal?: AbortSignal | undefined
  /** Attempts per call when AWS throttles (the first included). */
  maxAttempts?: number
  /** Backoff before the second attempt (ms); doubled for each further one, with jitter. */
  backoffMs?: number
}

const ACCESS_ERRORS = new Set([
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
])

export async function openSellingApi(options: OpenSellingApiOptions): Promise<SellingApi> {
  const { source } = options
  const local = source.endpoint
    ? null
    : source.localFakeSeedUrl
      ? await startLocalFake(source.localFakeSeedUrl, source.catalog)
      : null
  const endpoint = source.endpoint ?? local?.endpoint
  const client = new PartnerCentralSellingClient({
    region: source.region,
    // Retries are this module's, so that every attempt is paid for from the shared budget.
    maxAttempts: 1,
    ...(endpoint ? { endpoint } : {}),
    ...(local
      ? { credentials: FAKE_PARTNER_CENTRAL_CREDENTIALS }
      : source.roleArn
        ? {
            credentials: fromTemporaryCredentials({
              params: { RoleArn: source.roleArn, RoleSessionName: 'revops-pod' },
            }),
          }
        : {}),
  })
  const budget = (kind: 'read' | 'write'): RequestBudget => ({
    tenantId: options.tenantId,
    name: `partnercentral:${kind}`,
    perSecond: kind === 'read' ? source.budget.reads_per_second : source.budget.writes_per_second,
    perDay: kind === 'read' ? source.budget.reads_per_day : source.budget.writes_per_day,
  })
  const maxAttempts = options.maxAttempts ?? 5
  const backoffMs = options.backoffMs ?? 500
  const call = async <T>(kind: 'read' | 'write', operation: string, send: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      // The local fake has no quotas to keep (a demo would wait minutes for nothing).
      if (!local) await takeRequest(options.sql, budget(kind), { signal: options.signal })
      try {
        return await send()
      } catch (error) {
        const name = (error as { name?: string }).name ?? ''
        if (name === 'ThrottlingException' && attempt < maxAttempts) {
          const wait = backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
          await new Promise((resolve) => setTimeout(resolve, wait))
          continue
        }
        throw asProductError(source, operation, error)
      }
    }
  }
  const catalog = source.catalog
  return {
    catalog,
    listOpportunities: (input) =>
      call('read', 'ListOpportunities', () =>
        client.send(new ListOpportunitiesCommand({ ...input, Catalog: catalog })),
      ),
    getOpportunity: async (id) => {
      const { $metadata: _, ...opportunity } = await call('read', 'GetOpportunity', () =>
        client.send(new GetOpportunityCommand({ Catalog: catalog, Identifier: id })),
      )
      return opportunity
    },
    getAwsSummary: async (id) => {
      try {
        const { $metadata: _, ...summary } = await call('read', 'GetAwsOpportunitySummary', () =>
          client.send(
            new GetAwsOpportunitySummaryCommand({ Catalog: catalog, RelatedOpportunityIdentifier: id }),
          ),
        )
        return summary
      } catch (error) {
        if (error instanceof PartnerCentralError && error.awsCode === 'ResourceNotFoundException') return null
        throw error
      }
    },
    updateOpportunity: (input) =>
      call('write', 'UpdateOpportunity', () =>
        client.send(new UpdateOpportunityCommand({ ...input, Catalog: catalog })),
      ),
    close: () => client.destroy(),
  }
}

/** An answer of Partner Central the product does not handle specially; `awsCode` is AWS's error name. */
export class PartnerCentralError extends Error {
  readonly awsCode: string
  constructor(message: string, awsCode: string, options: { cause: unknown }) {
    super(message, options)
    this.name = 'PartnerCentralError'
    this.awsCode = awsCode
  }
}

/** The error an SDK failure becomes: unreachable or refused → SourceUnavailableError, throttled → TooManyRequestsError. */
function asProductError(source: ResolvedPartnerCentralSource, operation: string, error: unknown): Error {
  const name = (error as { name?: string }).name ?? 'Error'
  const message = (error as { message?: string }).message ?? String(error)
  const where = `Partner Central (${source.name}, catalog ${source.catalog})`
  const unreachable = connectionFailureReason(error)
  if (unreachable)
    return new SourceUnavailableError(
      `${where} is unreachable (${unreachable})`,
      { source: source.name, reason: unreachable },
      { cause: error },
    )
  if (ACCESS_ERRORS.has(name))
    return new SourceUnavailableError(
      `${where} refused the credentials: ${name}: ${message}`,
      { source: source.name, reason: name },
      { cause: error },
    )
  if (name === 'SyntaxError' || message.includes('Deserialization error')) {
    const detail = message.split('\n')[0]
    return new PartnerCentralError(
      `${operation} at ${where}: a malformed answer (${detail})`,
      'MalformedAnswer',
      {
        cause: error,
      },
    )
  }
  if (name === 'ThrottlingException')
    return new TooManyRequestsError(
      `${where} kept throttling ${operation}; the job retries later`,
      { source: source.name },
      { cause: error },
    )
  return new PartnerCentralError(`${operation} at ${where} failed: ${name}: ${message}`, name, {
    cause: error,
  })
}
