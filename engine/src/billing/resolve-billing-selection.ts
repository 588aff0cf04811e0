// Turns the Cost Explorer's filters into what the rollups are keyed by: accounts, payers and customers
// become one set of account refs (their union: "these accounts, plus everything under this payer, plus
// all of that customer's accounts"), service names are canonicalised, unknown ids are a 400.
import type { Sql } from '@revops/db'
import { normalizeServiceName } from '../normalize/billing.ts'
import { ValidationError } from '../shared/errors.ts'
import type { BillingFilters } from './billing-options.ts'

export interface BillingSelection {
  /** Account refs whose cost (and bills) count; null: every account, and cost rows without one. */
  accountRefs: string[] | null
  /** Customer company ids chosen as a whole (final invoices are filtered by these). */
  customerIds: string[] | null
  /** `accounts` or `payers` was given. */
  accountSelection: boolean
  services: string[] | null
  productIds: string[] | null
}

interface AccountRow {
  account_ref: string
  aws_account_id: string | null
  is_payer: boolean
  has_linked: boolean
}

/** Resolves the filters for the tenant; a value that names nothing known is a ValidationError. */
export async function resolveBillingSelection(
  sql: Sql,
  tenantId: string,
  filters: BillingFilters,
): Promise<BillingSelection> {
  const refs = new Set<string>()
  const accounts = (filters.accounts ?? []).map(canonicalId)
  const payers = (filters.payers ?? []).map(canonicalId)
  if (accounts.length + payers.length > 0) {
    const wanted = [...accounts, ...payers]
    const rows = await sql<AccountRow[]>`
      select a.account_ref, a.aws_account_id, a.is_payer,
        exists (select 1 from core.aws_accounts l where l.tenant_id = a.tenant_id and l.payer_ref = a.account_ref) as has_linked
      from core.aws_accounts a
      where a.tenant_id = ${tenantId}
        and (a.account_ref::text = any(${wanted}::text[]) or a.aws_account_id = any(${wanted}::text[]))`
    const find = (value: string) =>
      rows.find((row) => (isAwsNumber(value) ? row.aws_account_id === value : row.account_ref === value))
    const unknown = accounts.filter((value) => !find(value))
    if (unknown.length > 0) throw selectionError('accounts', `unknown account ${unknown.join(', ')}`)
    for (const value of accounts) refs.add(find(value)!.account_ref)
    const payerRefs = payers.map((value) => find(value))
    const notPayers = payers.filter(
      (_, i) => !payerRefs[i] || !(payerRefs[i]!.is_payer || payerRefs[i]!.has_linked),
    )
    if (notPayers.length > 0) throw selectionError('payers', `not a payer account: ${notPayers.join(', ')}`)
    if (payerRefs.length > 0) {
      const ids = payerRefs.map((row) => row!.account_ref)
      const linked = await sql<{ account_ref: string }[]>`
        select account_ref from core.aws_accounts
        where tenant_id = ${tenantId} and (account_ref = any(${ids}::bigint[]) or payer_ref = any(${ids}::bigint[]))`
      for (const row of linked) refs.add(row.account_ref)
    }
  }
  const customers = (filters.customers ?? []).map((id) => String(BigInt(id)))
  if (customers.length > 0) {
    const known = await sql<{ company_id: string }[]>`
      select company_id from core.companies where tenant_id = ${tenantId} and company_id = any(${customers}::bigint[])
      union select company_id from core.aws_accounts where tenant_id = ${tenantId} and company_id = any(${customers}::bigint[])`
    const unknown = customers.filter((id) => !known.some((row) => row.company_id === id))
    if (unknown.length > 0) throw selectionError('customers', `unknown customer ${unknown.join(', ')}`)
    const owned = await sql<{ account_ref: string }[]>`
      select account_ref from core.aws_accounts where tenant_id = ${tenantId} and company_id = any(${customers}::bigint[])`
    for (const row of owned) refs.add(row.account_ref)
  }
  const anySelector = accounts.length + payers.length + customers.length > 0
  const services = filters.services?.length
    ? [...new Set(filters.services.map((name) => normalizeServiceName(name) ?? name))]
    : null
  return {
    accountRefs: anySelector ? [...refs].sort((a, b) => Number(a) - Number(b)) : null,
    customerIds: customers.length > 0 ? customers : null,
    accountSelection: accounts.length + payers.length > 0,
    services,
    productIds: filters.products?.length ? filters.products.map((id) => String(BigInt(id))) : null,
  }
}

/** Ids without leading zeros (`007` is ref 7); a 12-digit AWS account number is kept as written. */
function canonicalId(value: string): string {
  return isAwsNumber(value) ? value : String(BigInt(value))
}

/** A 12-digit value is an AWS account number; anything shorter is a registry ref. */
function isAwsNumber(value: string): boolean {
  return /^\d{12}$/.test(value)
}

function selectionError(field: string, problem: string): ValidationError {
  return new ValidationError(`query.${field}: ${problem}`, { fields: [{ field: `query.${field}`, problem }] })
}
