// What the Selling API source keeps per ACE opportunity: the opportunity as GetOpportunity returns it
// and AWS's side of it (GetAwsOpportunitySummary: Origin, involvement, AWS stage and team), stored
// whole in RAW so nothing the API said is lost; CORE reads it through apn-fields.ts.
import type {
  GetAwsOpportunitySummaryCommandOutput,
  GetOpportunityCommandOutput,
} from '@aws-sdk/client-partnercentral-selling'

export type SellingOpportunity = Omit<GetOpportunityCommandOutput, '$metadata'>
export type AwsOpportunitySummary = Omit<GetAwsOpportunitySummaryCommandOutput, '$metadata'>

/** One ACE opportunity as the Selling API describes it. */
export interface PartnerCentralRecord {
  opportunity: SellingOpportunity
  /** Null when AWS has no summary for it yet (a draft never submitted). */
  awsSummary: AwsOpportunitySummary | null
}

export const CATALOGS = ['AWS', 'Sandbox'] as const
export type Catalog = (typeof CATALOGS)[number]

/** Review states during which AWS does not accept updates (write-back holds). */
export const UNDER_REVIEW_STATUSES: readonly string[] = ['Submitted', 'In review']
