// Names for group keys (accounts, payers, customers, services, products), joined once the groups are
// summed so that renaming an account in Odoo renames it in every period at once.
import type { Sql } from '@revops/db'
import type postgres from 'postgres'
import type { BillingGroup } from './billing-options.ts'

export interface GroupLabelSql {
  join: postgres.PendingQuery<postgres.Row[]>
  /** Expressions over `g` (gkey, label) and the joined `l`. */
  name: string
  awsAccountId: string
  customerId: string
}

const NONE: Readonly<Record<BillingGroup, string>> = {
  account: 'No account',
  payer: 'No payer',
  customer: 'No customer',
  service: 'No service (partner discounts, untagged charges)',
  product: 'No product',
}

/** The join and expressions that name the groups of relation `g` (columns gkey, label). */
export function groupLabelSql(sql: Sql, tenantId: string, group: BillingGroup): GroupLabelSql {
  const none = `'${NONE[group]}'`
  if (group === 'account' || group === 'payer')
    return {
      join: sql`left join core.aws_accounts l on l.tenant_id = ${tenantId} and l.account_ref = nullif(g.gkey, '')::bigint`,
      name: `case when g.gkey = '' then ${none} else coalesce(l.account_name, l.account_alias, l.aws_account_id, 'Account ' || g.gkey) end`,
      awsAccountId: 'l.aws_account_id',
      customerId: 'l.company_id::text',
    }
  if (group === 'customer')
    return {
      join: sql`left join core.companies l on l.tenant_id = ${tenantId} and l.company_id = nullif(g.gkey, '')::bigint`,
      name: `case when g.gkey = '' then ${none} else coalesce(l.name, 'Customer ' || g.gkey) end`,
      awsAccountId: 'null::text',
      customerId: `nullif(g.gkey, '')`,
    }
  return {
    join: sql``,
    name:
      group === 'service'
        ? `case when g.gkey = '' then ${none} else g.gkey end`
        : `case when g.gkey = '' then ${none} else coalesce(g.label, 'Product ' || g.gkey) end`,
    awsAccountId: 'null::text',
    customerId: 'null::text',
  }
}
