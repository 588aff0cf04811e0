import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Tenant } from '../config/load-tenant-config.ts'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { recordFromApnRow } from '../partner-central/apn-fields.ts'
import {
  FAKE_PARTNER_CENTRAL_CREDENTIALS,
  FakePartnerCentral,
} from '../partner-central/fake/fake-partner-central.ts'
import { stageContext } from '../stage/stage.ts'
import { writeBackStage } from './write-back-stage.ts'
import { approveWriteBacks, listWriteBacks } from './write-back-store.ts'

const db = useTestDatabase()
let fake: FakePartnerCentral

const tenantFor = (writeBack: string): Tenant =>
  loadTenantFromText(
    `tenant_id: acme
display_name: Acme
sources:
  ace: { kind: partnercentral, catalog: Sandbox, budget: { reads_per_second: 10 } }
write_back: ${writeBack}
`,
    { PARTNER_CENTRAL_ENDPOINT: fake.endpoint },
  )
const live = '{ enabled: true, mode: live }'
const dryRun = '{ enabled: true }'
const runStage = (writeBack = live) =>
  writeBackStage.run(stageContext({ tenant: tenantFor(writeBack), sql: db.sql, url: db.url }), { plan: true })

const seed = (id: string, crmId: string | null, status = 'Approved') =>
  fake.put(
    'Sandbox',
    recordFromApnRow(
      {
        id,
        name: `Customer of ${id}`,
        partner_project_title: `Title of ${id}`,
        project_description_business_need: 'Migrate the warehouse',
        stage_name: 'Qualified',
        status,
        opportunity_ownership: 'Partner Referral',
        partner_crm_unique_identifier: crmId,
        aws_create_date: '2026-01-01T00:00:00Z',
        aws_last_modified_date: '2026-02-01T00:00:00Z',
      },
      { name: 'Kim Berg', email: 'kim@partner.example' },
      'Sandbox',
    ),
  )
const core = (id: string, crmId: string | null) => db.sql`
  insert into core.ace_opportunities (tenant_id, ace_id, source, customer_name, aws_account_id_status, raw_pk, partner_crm_id)
  values ('acme', ${id}, 'ace', 'Customer', 'missing', ${id}, ${crmId})
  on conflict (tenant_id, ace_id) do update set partner_crm_id = excluded.partner_crm_id`
const confirm = (aceId: string, leadId: string, decision: 'confirm' | 'reject' = 'confirm') => db.sql`
  insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer)
  values ('acme', 'ace_opportunity', ${aceId}, 'odoo_opportunity', ${leadId}, ${decision}, 'analyst')`
const writeOf = async (aceId: string) => (await listWriteBacks(db.sql, 'acme', { aceId }))[0]!
const approveAll = async () => {
  const pending = await listWriteBacks(db.sql, 'acme', { statuses: ['pending_approval'] })
  return approveWriteBacks(db.sql, {
    tenantId: 'acme',
    writeIds: pending.map((w) => w.write_id),
    approver: 'lead-reviewer',
  })
}
const updates = () => fake.requests.filter((r) => r.operation === 'UpdateOpportunity' && r.status === 200)

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  fake = await FakePartnerCentral.start()
  vi.stubEnv('AWS_ACCESS_KEY_ID', FAKE_PARTNER_CENTRAL_CREDENTIALS.accessKeyId)
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_PARTNER_CENTRAL_CREDENTIALS.secretAccessKey)
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await fake.close()
})
beforeEach(() => {
  ;(fake.requests as unknown[]).length = 0
})

describe('write-back to Partner Central', () => {
  it('does nothing for a tenant that has not opted in', async () => {
    expect(await runStage('{ enabled: false }')).toEqual({
      skipped: true,
      reason: 'write-back is not enabled for this tenant',
    })
  })

  it('plans one write per confirmed link that Partner Central lacks, and planning again adds none', async () => {
    seed('O1', null)
    await core('O1', null)
    await confirm('O1', '41')
    seed('O2', '52')
    await core('O2', '52')
    await confirm('O2', '52')
    expect(await runStage(dryRun)).toMatchObject({ planned: 1, attempted: 0 })
    expect(await runStage(dryRun)).toMatchObject({ planned: 0 })
    expect(await writeOf('O1')).toMatchObject({
      status: 'pending_approval',
      lead_id: '41',
      reason: 'confirmed',
    })
    expect(await listWriteBacks(db.sql, 'acme', { aceId: 'O2' })).toEqual([])
  })

  it('in a dry run records the exact whole-record request it would send, and sends nothing', async () => {
    expect(await approveAll()).toHaveLength(1)
    expect(await runStage(dryRun)).toMatchObject({ attempted: 1, dry_run: 1 })
    const write = await writeOf('O1')
    expect(write).toMatchObject({ status: 'dry_run', mode: 'dry_run', approved_by: 'lead-reviewer' })
    expect(write.request).toMatchObject({
      Identifier: 'O1',
      PartnerOpportunityIdentifier: '41',
      Project: { Title: 'Title of O1', CustomerBusinessProblem: 'Migrate the warehouse' },
      Customer: { Account: { CompanyName: 'Customer of O1' } },
      LastModifiedDate: '2026-02-01T00:00:00.000Z',
    })
    expect(updates()).toHaveLength(0)
    expect(fake.record('Sandbox', 'O1')!.opportunity.PartnerOpportunityIdentifier).toBeUndefined()
  })

  it('writes live only after approval, keeps every other field, and audits before and after', async () => {
    await confirm('O1', '42')
    expect(await runStage()).toMatchObject({ planned: 1, attempted: 0 })
    expect(updates()).toHaveLength(0)
    await approveAll()
    expect(await runStage()).toMatchObject({ attempted: 1, succeeded: 1 })
    const stored = fake.record('Sandbox', 'O1')!.opportunity
    expect(stored.PartnerOpportunityIdentifier).toBe('42')
    expect(stored.Project?.Title).toBe('Title of O1')
    expect(stored.Customer?.Account?.CompanyName).toBe('Customer of O1')
    const write = await writeOf('O1')
    expect(write).toMatchObject({ status: 'succeeded', mode: 'live' })
    expect(write.before).not.toHaveProperty('PartnerOpportunityIdentifier')
    expect(write.after).toMatchObject({ PartnerOpportunityIdentifier: '42' })
    const [event] = await db.sql<{ action: string; details: any }[]>`
      select action, details from ops.audit_events where tenant_id = 'acme' and action = 'partner_central.write_succeeded'`
    expect(event!.details).toMatchObject({ before: null, after: '42', field: 'PartnerOpportunityIdentifier' })
  })

  it('re-reads and retries when someone else wrote first (ConflictException)', async () => {
    seed('O3', null)
    await core('O3', null)
    await confirm('O3', '43')
    await runStage()
    await approveAll()
    fake.faults.conflict(2)
    expect(await runStage()).toMatchObject({ succeeded: 1 })
    expect(await writeOf('O3')).toMatchObject({ status: 'succeeded', message: 'written after 2 conflict(s)' })
    expect(fake.record('Sandbox', 'O3')!.opportunity.PartnerOpportunityIdentifier).toBe('43')
  })

  it('holds while AWS reviews the opportunity, then writes', async () => {
    seed('O4', null, 'Submitted')
    await core('O4', null)
    await confirm('O4', '44')
    await runStage()
    await approveAll()
    expect(await runStage()).toMatchObject({ held: 1 })
    expect(await writeOf('O4')).toMatchObject({ status: 'held', message: expect.stringMatching(/reviewing/) })
    expect(updates()).toHaveLength(0)
    fake.modify('Sandbox', 'O4', (r) => {
      r.opportunity.LifeCycle!.ReviewStatus = 'Approved'
    })
    expect(await runStage()).toMatchObject({ succeeded: 1 })
  })

  it('does not write twice when a crash lost the record of a write AWS took', async () => {
    seed('O5', null)
    await core('O5', null)
    await confirm('O5', '45')
    await runStage()
    await approveAll()
    // AWS took the write; the worker died before recording it, so the write is still `approved`.
    fake.modify('Sandbox', 'O5', (r) => {
      r.opportunity.PartnerOpportunityIdentifier = '45'
    })
    expect(await runStage()).toMatchObject({ succeeded: 1 })
    expect(await writeOf('O5')).toMatchObject({ message: 'Partner Central already holds this identifier' })
    expect(updates()).toHaveLength(0)
  })

  it('supersedes an open write whose link was withdrawn', async () => {
    seed('O6', null)
    await core('O6', null)
    await confirm('O6', '46')
    await runStage()
    await confirm('O6', '46', 'reject')
    expect(await runStage()).toMatchObject({ superseded: 1 })
    expect(await writeOf('O6')).toMatchObject({ status: 'superseded', message: 'the link no longer stands' })
  })

  it('paces live writes to the write budget (1 per second)', async () => {
    for (const n of [7, 8, 9]) {
      seed(`O${n}`, null)
      await core(`O${n}`, null)
      await confirm(`O${n}`, `4${n}`)
    }
    await runStage()
    await approveAll()
    expect(await runStage()).toMatchObject({ succeeded: 3 })
    const times = updates().map((r) => r.at)
    expect(times).toHaveLength(3)
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(1900)
  })
})
