// The ACE work list route: approved opportunities only, each change with its current and expected value
// and why; the write-back's draft where the tenant writes back to Partner Central; `format=csv` gives the
// same items as an attachment.
import { useTestDatabase } from '@revops/db/testing'
import { type Tenant, tenantConfigSchema } from '@revops/engine/config'
import { WORK_LIST_CSV_COLUMNS } from '@revops/engine/work-list'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp, useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
let writingBack: TestApp | undefined
let writeId: string

/** Acme reading ACE from Partner Central and writing links back (dry run). */
const partnerCentralTenant: Tenant = {
  config: tenantConfigSchema.parse({
    tenant_id: 'acme',
    display_name: 'Acme',
    sources: { ace: { kind: 'partnercentral', catalog: 'Sandbox' } },
    write_back: { enabled: true, include_auto_links: true },
  }),
  dir: '/nowhere',
  sources: [],
}

/** One ACE opportunity of acme with its current decision, and optionally the matcher's auto-link. */
async function seed(aceId: string, outcome: string, ace: Record<string, unknown>, link?: string) {
  await db.sql`
    insert into core.ace_opportunities ${db.sql({
      tenant_id: 'acme',
      ace_id: aceId,
      raw_pk: aceId,
      customer_name: `Customer ${aceId}`,
      stage: 'Committed',
      status: 'Approved',
      close_date: '2026-12-15',
      aws_account_id: '123456789012',
      aws_account_id_raw: '123456789012',
      aws_account_id_status: 'valid',
      ...ace,
    } as never)}`
  await db.sql`
    insert into ops.decisions (tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, outcome, rules,
                               facts, fingerprint, run_id, actor)
    values ('acme', ${aceId}, 'pod', 1, ${`sha256:${'0'.repeat(64)}`}, '2026-11-01', ${outcome}, '[]', '{}', 'f',
            gen_random_uuid(), 'tests')`
  if (link)
    await db.sql`
      insert into match.candidates (tenant_id, left_entity, left_id, right_entity, right_id, probability, log_odds,
                                    weight_bits, band, rank, selected, provenance, explanation, model_id, run_id)
      select 'acme', 'ace_opportunity', ${aceId}, 'odoo_opportunity', ${link}, 0.98, 12, 12, 'auto_link', 1, true,
             '{key}', '{}', m.model_id, r.run_id
      from match.models m, match.runs r where m.tenant_id = 'acme' and r.tenant_id = 'acme' limit 1`
}

beforeAll(async () => {
  await db.sql`
    insert into ops.ruleset_versions (tenant_id, ruleset, version, content, content_hash, author)
    values ('acme', 'pod', 1, '{}', ${`sha256:${'0'.repeat(64)}`}, 'tests')`
  await db.sql`insert into match.models (tenant_id, config_hash, parameters, estimation) values ('acme', 'h', '{}', '{}')`
  await db.sql`insert into match.runs (tenant_id, mode) values ('acme', 'full')`
  await seed('O1', 'auto_approve', { partner_crm_id: null }, '41')
  await seed('O2', 'needs_review', { partner_crm_id: null, close_date: '2026-01-01' }, '42')
  await seed(
    'O3',
    'auto_approve',
    { partner_crm_id: '43', stage: 'Prospect', close_date: '2026-10-22' },
    '43',
  )
  await seed(
    'O4',
    'auto_approve',
    {
      partner_crm_id: '44',
      aws_account_id: null,
      aws_account_id_raw: '12-34',
      aws_account_id_status: 'malformed',
    },
    '44',
  )
  const [write] = await db.sql<{ write_id: string }[]>`
    insert into ops.partner_central_writes (tenant_id, source, catalog, ace_id, lead_id, reason, status, mode)
    values ('acme', 'ace', 'Sandbox', 'O1', '41', 'auto_link', 'pending_approval', 'dry_run')
    returning write_id::text`
  writeId = write!.write_id
  writingBack = await createTestApp(db.sql, db.url, partnerCentralTenant, { keyName: 'pc' })
})
afterAll(() => writingBack?.close())

describe('GET /api/v1/ace-work-list', () => {
  it('lists the changes approved opportunities still need in ACE, and why', async () => {
    const { status, body } = await app.call('/api/v1/ace-work-list?as_of=2026-11-01')
    expect(status).toBe(200)
    expect(body.data).toMatchObject({
      as_of: '2026-11-01',
      approved: 3,
      write_back: null,
      counts: {
        partner_crm_id: 1,
        stage: 1,
        close_date: 1,
        aws_account_id: 1,
        review_status: 0,
        customer_name: 0,
      },
    })
    expect(body.data.items.map((i: any) => [i.ace_id, i.field, i.current, i.expected])).toEqual([
      ['O1', 'partner_crm_id', null, '41'],
      ['O3', 'stage', 'Prospect', 'Launched'],
      ['O3', 'close_date', '2026-10-22', 'on or after 2026-11-01'],
      ['O4', 'aws_account_id', '12-34', null],
    ])
    expect(body.data.items[0]).toMatchObject({
      customer: 'Customer O1',
      approved_by: 'rules',
      ace_field: 'PartnerOpportunityIdentifier',
      why: 'Odoo opportunity 41 is auto-linked with probability 98%, and ACE has no partner CRM id.',
      write_back: null,
    })
    expect(body.data.items[1].why).toContain('passed 10 days ago')
  })

  it("says the partner CRM id is the write-back's draft, with its write, where the tenant writes back", async () => {
    const { body } = await writingBack!.call('/api/v1/ace-work-list?as_of=2026-11-01')
    expect(body.data.write_back).toEqual({ enabled: true, mode: 'dry_run', include_auto_links: true })
    const [crm] = body.data.items
    expect(crm).toMatchObject({
      ace_id: 'O1',
      field: 'partner_crm_id',
      write_back: {
        draft: true,
        mode: 'dry_run',
        write: { write_id: writeId, status: 'pending_approval', mode: 'dry_run', message: null },
      },
    })
    expect(crm.why).toContain(`This is the write-back's draft (write #${writeId}, pending approval).`)
  })

  it('answers format=csv with the same items as an attachment', async () => {
    const response = await writingBack!.request('/api/v1/ace-work-list?as_of=2026-11-01&format=csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ace-work-list_2026-11-01.csv"',
    )
    const lines = (await response.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(WORK_LIST_CSV_COLUMNS.join(','))
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(
      new RegExp(
        `^O1,Customer O1,,rules,partner_crm_id,PartnerOpportunityIdentifier,,41,.*,true,${writeId},pending_approval,dry_run,2026-11-01$`,
      ),
    )
  })

  it('judges dates as of today unless told, and refuses a date or format it cannot read', async () => {
    const today = await app.call('/api/v1/ace-work-list')
    expect(today.body.data.as_of).toBe(new Date().toISOString().slice(0, 10))
    for (const query of ['as_of=2026-02-30', 'as_of=yesterday', 'format=xml']) {
      const { status, body } = await app.call(`/api/v1/ace-work-list?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('validation_failed')
    }
  })
})
