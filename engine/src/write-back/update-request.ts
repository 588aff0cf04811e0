// The UpdateOpportunity request that sets PartnerOpportunityIdentifier. The API replaces the whole
// record (an omitted field becomes null), so the request carries every field the partner may set, copied
// from the record just read, with that record's LastModifiedDate (a stale one is refused).
import type { UpdateOpportunityCommandInput } from '@aws-sdk/client-partnercentral-selling'
import type { SellingOpportunity } from '../partner-central/opportunity-record.ts'

export type UpdateRequest = Omit<UpdateOpportunityCommandInput, 'Catalog'>

export function buildUpdateRequest(current: SellingOpportunity, partnerOpportunityId: string): UpdateRequest {
  if (!current.Id || !current.LastModifiedDate)
    throw new Error('the opportunity read has no Id or LastModifiedDate')
  // AWS owns the review fields; a partner's update does not carry them.
  const {
    ReviewStatus: _s,
    ReviewComments: _c,
    ReviewStatusReason: _r,
    ...lifeCycle
  } = current.LifeCycle ?? {}
  const request: UpdateRequest = {
    Identifier: current.Id,
    LastModifiedDate: current.LastModifiedDate,
    PartnerOpportunityIdentifier: partnerOpportunityId,
    PrimaryNeedsFromAws: current.PrimaryNeedsFromAws,
    NationalSecurity: current.NationalSecurity,
    Customer: current.Customer,
    Project: current.Project,
    OpportunityType: current.OpportunityType,
    Marketing: current.Marketing,
    SoftwareRevenue: current.SoftwareRevenue,
    LifeCycle: Object.keys(lifeCycle).length > 0 ? lifeCycle : undefined,
  }
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as UpdateRequest
}
