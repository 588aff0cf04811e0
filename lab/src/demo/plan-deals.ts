// How many deals of each kind the requested sizes imply, in the proportions real partner data shows.
import type { DemoSize } from './demo-world.ts'

export interface DealPlan {
  /** Partner-originated, in Odoo and registered in ACE. */
  registered: number
  /** AWS referred, accepted and entered in Odoo. */
  awsReferralMatched: number
  /** AWS referred, never entered in Odoo. */
  awsReferralNoCounterpart: number
  /** Registered in ACE directly, never entered in Odoo. */
  aceOnlyPartner: number
  /** Second ACE registrations of a deal already registered. */
  duplicateRegistrations: number
  /** Second Odoo leads of a deal already in Odoo. */
  duplicateLeads: number
  /** Leads whose company is a placeholder (`test`, `TBD`, `n/a`). */
  placeholders: number
  /** In Odoo, never registered in ACE. */
  odooOnly: number
  /** Companies that exist only in ACE (AWS-referred prospects). */
  prospects: number
}

/**
 * Splits the Odoo and ACE counts into kinds; every count is exact, whatever the sizes. `reenteredLeads`
 * is the share of Odoo leads that are second leads of a deal (the harder worlds have more).
 */
export function planDeals(size: DemoSize, reenteredLeads = 0.03): DealPlan {
  const ace = size.aceOpportunities
  const odoo = size.odooOpportunities
  const placeholders = Math.round(odoo * 0.015)
  const duplicateLeads = Math.round(odoo * reenteredLeads)
  let awsReferralNoCounterpart = Math.round(ace * 0.15)
  const aceOnlyPartner = Math.round(ace * 0.02)
  let duplicateRegistrations = Math.round(ace * 0.02)
  // At least a tenth of the Odoo leads stay unregistered, so both sides have unmatched records.
  const linkCapacity = Math.max(0, odoo - placeholders - duplicateLeads - Math.ceil(odoo * 0.1))
  let linked = ace - awsReferralNoCounterpart - aceOnlyPartner - duplicateRegistrations
  if (linked > linkCapacity) {
    awsReferralNoCounterpart += linked - linkCapacity
    linked = linkCapacity
  }
  if (duplicateRegistrations > linked) {
    awsReferralNoCounterpart += duplicateRegistrations - linked
    duplicateRegistrations = linked
  }
  const awsReferralMatched = Math.round(linked * 0.12)
  return {
    registered: linked - awsReferralMatched,
    awsReferralMatched,
    awsReferralNoCounterpart,
    aceOnlyPartner,
    duplicateRegistrations,
    duplicateLeads: Math.min(duplicateLeads, odoo - placeholders - linked),
    placeholders,
    odooOnly: odoo - placeholders - linked - Math.min(duplicateLeads, odoo - placeholders - linked),
    prospects: Math.round(awsReferralNoCounterpart * 0.5),
  }
}
