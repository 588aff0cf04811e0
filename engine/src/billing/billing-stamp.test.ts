// The billing stamp moves with everything a Cost Explorer answer is computed from, and only then.
import { API_ROLE, runtimeRoleUrl } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApiKey, findApiKey } from '../tenancy/api-keys.ts'
import { createApiDatabase } from '../tenancy/tenant-sql.ts'
import { readBillingStamp } from './billing-stamp.ts'
import { refreshBillingRollups } from './refresh-billing-rollups.ts'

const db = useTestDatabase()
const stamp = (tenant = 'acme') => readBillingStamp(db.sql, tenant)

beforeAll(async () => {
  await db.sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
  await db.sql`insert into core.companies (tenant_id, company_id, name, is_company, raw_source, raw_table, raw_pk)
    values ('acme', 10, 'Acme Corp', true, 'odoo', 'res_partner', '10')`
})

describe('readBillingStamp', () => {
  it('moves when a CORE billing row is written, when the rollups are rebuilt, and not otherwise', async () => {
    const start = await stamp()
    expect(await stamp()).toBe(start)
    await db.sql`
      insert into core.billing_cost (tenant_id, cost_ref, account_ref, service, charge_category, month, cost, raw_pk)
      values ('acme', 1, null, 'AWS Lambda', 'usage', '2026-03-01', 10, '1')`
    const marked = await stamp()
    expect(marked).not.toBe(start)
    await refreshBillingRollups(db.sql, 'acme')
    const rebuilt = await stamp()
    expect(rebuilt).not.toBe(marked)
    // Nothing pending: a second rebuild changes nothing and leaves the stamp alone.
    await refreshBillingRollups(db.sql, 'acme')
    expect(await stamp()).toBe(rebuilt)
  })

  it('moves when a customer, account or partner is added, renamed or removed; a statement changing nothing does not', async () => {
    let previous = await stamp()
    const moved = async () => {
      const next = await stamp()
      const changed = next !== previous
      previous = next
      return changed
    }
    await db.sql`update core.companies set name = 'Acme Corporation' where tenant_id = 'acme' and company_id = 10`
    expect(await moved()).toBe(true)
    await db.sql`update core.companies set name = 'x' where tenant_id = 'acme' and company_id = -1`
    expect(await moved()).toBe(false)
    await db.sql`
      insert into core.aws_accounts (tenant_id, account_ref, aws_account_id, aws_account_id_status, company_id, raw_pk)
      values ('acme', 1, '111111111111', 'valid', 10, '1')`
    expect(await moved()).toBe(true)
    await db.sql`insert into core.partners (tenant_id, partner_id, company_id, is_company, raw_pk)
      values ('acme', 10, 10, true, '10')`
    expect(await moved()).toBe(true)
    await db.sql`delete from core.partners where tenant_id = 'acme'`
    expect(await moved()).toBe(true)
  })

  it("is per tenant: another tenant's changes leave it alone", async () => {
    const before = await stamp('acme')
    const other = await stamp('other')
    await db.sql`insert into core.companies (tenant_id, company_id, name, is_company, raw_source, raw_table, raw_pk)
      values ('other', 10, 'Other Co', true, 'odoo', 'res_partner', '10')`
    expect(await stamp('other')).not.toBe(other)
    expect(await stamp('acme')).toBe(before)
  })
})

describe('the billing stamp with an API key', () => {
  it("comes with the key's authentication, for the key's tenant only, and moves with the tenant's", async () => {
    const api = createApiDatabase(runtimeRoleUrl(db.url, API_ROLE))
    try {
      const { key } = await createApiKey(db.sql, 'acme', 'stamp-tests')
      const before = await findApiKey(api.sql, key)
      expect(before?.billingStamp).toBe(await stamp())
      await db.sql`update core.companies set name = 'Acme Renamed' where tenant_id = 'acme' and company_id = 10`
      const after = await findApiKey(api.sql, key)
      expect(after?.billingStamp).not.toBe(before?.billingStamp)
      expect(after?.billingStamp).toBe(await stamp())
      // The key's own session reads its tenant's stamp; to it, another tenant's is a tenant with nothing.
      const session = api.forKey(key)
      expect(await readBillingStamp(session, 'acme')).toBe(await stamp())
      expect(await stamp('other')).not.toBe(await stamp('no-such-tenant'))
      expect(await readBillingStamp(session, 'other')).toBe(await stamp('no-such-tenant'))
    } finally {
      await api.close()
    }
  })
})
