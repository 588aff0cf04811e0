// What building the demo's ACE opportunities needs to know about the world around them.
import type { AwsAccount, Company } from './demo-world.ts'

export interface AceContext {
  anchorDay: number
  tenant: string
  companies: ReadonlyMap<string, Company>
  accountsByCompany: ReadonlyMap<string, AwsAccount[]>
  allAccounts: readonly AwsAccount[]
  /** Lead ids that no longer exist (stale CRM ids point here). */
  deletedLeadIds: readonly number[]
  /** ACE user id for a partner rep name; the fallback owner otherwise. */
  ownerFor: (repName: string | null) => { id: string; name: string; email: string }
  awsSeller: (company: Company) => { name: string; email: string } | null
  psm: () => { name: string; email: string } | null
  /** Share of ACE records with an Odoo lead that carry its id (DemoPhenomena.crmIdShare). */
  crmIdShare: number
  /** Share of ACE records before Committed that name an AWS account (DemoPhenomena.earlyAccountShare). */
  earlyAccountShare: number
}
