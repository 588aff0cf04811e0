// GET /billing/accounts's core: what the Cost Explorer can select, as customers → payer accounts →
// linked accounts, plus the flat list of payers. A customer's accounts are grouped under the payer that
// pays for them, which is often the partner's own payer (it then belongs to another "customer").
import type { Sql } from '@revops/db'

export interface BillingAccount {
  /** Registry id (Odoo c_aws_accounts.id): what the `accounts` and `payers` filters take. */
  ref: string
  /** The 12-digit AWS account number; null when missing or malformed in Odoo (see the raw value). */
  aws_account_id: string | null
  aws_account_id_raw: string | null
  aws_account_id_status: 'valid' | 'missing' | 'malformed'
  name: string | null
  alias: string | null
  /** As Odoo has it (`ACTIVE`, `SUSPENDED`, `CLOSED`, …). */
  status: string | null
  is_payer: boolean
  is_not_billable: boolean
  payer_ref: string | null
  customer_id: string | null
  /** First and last month with AWS cost, `YYYY-MM`; null when none. */
  first_month: string | null
  last_month: string | null
}

export interface PayerBranch {
  /** Null: accounts without a payer. */
  payer: BillingAccount | null
  linked: BillingAccount[]
}

export interface BillingCustomer {
  /** Company id (what the `customers` filter takes); null: accounts without a customer. */
  id: string | null
  name: string
  account_count: number
  payers: PayerBranch[]
}

export interface BillingAccountsInput {
  tenantId: string
  /** Words of a customer, account name or alias, or digits of an AWS account number or ref. */
  q?: string | undefined
  limit: number
  offset: number
}

export interface BillingAccounts {
  customers: BillingCustomer[]
  total_customers: number
  limit: number
  offset: number
  payers: (BillingAccount & { linked_accounts: number })[]
}

type AccountRow = BillingAccount & { customer_name: string | null }

/** The selectable hierarchy, searched by `q`: a matching customer brings all its accounts. */
export async function readBillingAccounts(sql: Sql, input: BillingAccountsInput): Promise<BillingAccounts> {
  const { tenantId } = input
  const accounts = await sql<AccountRow[]>`
    with months as (
      select account_ref, to_char(min(month), 'YYYY-MM') as first_month, to_char(max(month), 'YYYY-MM') as last_month
      from core.billing_account_monthly where tenant_id = ${tenantId} and cost_rows > 0 group by account_ref)
    select a.account_ref::text as ref, a.aws_account_id, a.aws_account_id_raw, a.aws_account_id_status,
      a.account_name as name, a.account_alias as alias, a.account_status as status, a.is_payer, a.is_not_billable,
      a.payer_ref::text, a.company_id::text as customer_id, c.name as customer_name, m.first_month, m.last_month
    from core.aws_accounts a
    left join core.companies c on c.tenant_id = a.tenant_id and c.company_id = a.company_id
    left join months m on m.account_ref = a.account_ref
    where a.tenant_id = ${tenantId}
    order by lower(coalesce(a.account_name, a.aws_account_id, '')), a.account_ref`
  const invoicedOnly = await sql<{ id: string; name: string | null }[]>`
    select distinct coalesce(p.company_id, r.partner_id)::text as id, c.name
    from core.billing_revenue_monthly r
    left join core.partners p on p.tenant_id = r.tenant_id and p.partner_id = r.partner_id
    left join core.companies c on c.tenant_id = r.tenant_id and c.company_id = coalesce(p.company_id, r.partner_id)
    where r.tenant_id = ${tenantId} and r.basis = 'invoice' and r.partner_id is not null
      and not exists (select 1 from core.aws_accounts a where a.tenant_id = r.tenant_id
        and a.company_id = coalesce(p.company_id, r.partner_id))`
  const byRef = new Map(accounts.map((row) => [row.ref, row]))
  const matches = matcher(input.q)
  const customers = new Map<string, { id: string | null; name: string; all: AccountRow[] }>()
  for (const row of accounts) {
    const key = row.customer_id ?? ''
    const entry = customers.get(key) ?? {
      id: row.customer_id,
      name: row.customer_name ?? (row.customer_id ? `Customer ${row.customer_id}` : 'No customer'),
      all: [],
    }
    entry.all.push(row)
    customers.set(key, entry)
  }
  for (const row of invoicedOnly)
    if (!customers.has(row.id))
      customers.set(row.id, { id: row.id, name: row.name ?? `Customer ${row.id}`, all: [] })
  const listed = [...customers.values()]
    .map((customer) => {
      const own = matches(customer.name, customer.id)
        ? customer.all
        : customer.all.filter((row) =>
            matches(row.name, row.ref, row.alias, row.aws_account_id, row.aws_account_id_raw),
          )
      return own.length > 0 || matches(customer.name, customer.id) ? { customer, own } : null
    })
    .filter((entry) => entry !== null)
    .sort(
      (a, b) =>
        a.customer.name.localeCompare(b.customer.name, 'en') || compareIds(a.customer.id, b.customer.id),
    )
  const page = listed.slice(input.offset, input.offset + input.limit).map(({ customer, own }) => ({
    id: customer.id,
    name: customer.name,
    account_count: customer.all.length,
    payers: branches(own, byRef),
  }))
  const linkedCount = new Map<string, number>()
  for (const row of accounts)
    if (row.payer_ref) linkedCount.set(row.payer_ref, (linkedCount.get(row.payer_ref) ?? 0) + 1)
  const payers = accounts
    .filter((row) => row.is_payer || linkedCount.has(row.ref))
    .filter((row) => matches(row.name, row.ref, row.alias, row.aws_account_id, row.customer_name))
    .map((row) => ({ ...strip(row), linked_accounts: linkedCount.get(row.ref) ?? 0 }))
  return { customers: page, total_customers: listed.length, limit: input.limit, offset: input.offset, payers }
}

/** A customer's accounts under their payers: payers owned by the customer head their own branch. */
function branches(own: AccountRow[], byRef: Map<string, AccountRow>): PayerBranch[] {
  const result = new Map<string, PayerBranch>()
  for (const row of own) {
    const payerRef = row.is_payer ? row.ref : row.payer_ref
    const key = payerRef ?? ''
    let branch = result.get(key)
    if (!branch) {
      const payer = payerRef ? byRef.get(payerRef) : undefined
      branch = { payer: payer ? strip(payer) : null, linked: [] }
      result.set(key, branch)
    }
    if (!row.is_payer) branch.linked.push(strip(row))
  }
  return [...result.values()].sort((a, b) => (a.payer?.name ?? '~').localeCompare(b.payer?.name ?? '~', 'en'))
}

function strip(row: AccountRow): BillingAccount {
  const { customer_name: _, ...account } = row
  return account
}

function compareIds(a: string | null, b: string | null): number {
  return (a === null ? -1 : Number(a)) - (b === null ? -1 : Number(b))
}

/** Case-insensitive words anywhere in the texts; digits also match AWS account numbers with dashes. */
function matcher(q: string | undefined): (...texts: (string | null | undefined)[]) => boolean {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return () => true
  const digits = (q ?? '').replace(/\D/g, '')
  return (...texts) => {
    const haystack = texts.filter(Boolean).join(' ').toLowerCase()
    if (words.every((word) => haystack.includes(word))) return true
    return digits.length >= 4 && haystack.replace(/[^\d ]/g, '').includes(digits)
  }
}
