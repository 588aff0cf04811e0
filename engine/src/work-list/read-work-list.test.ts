// The ACE work list on the demo fixture, decided as of AS_OF: only opportunities approved for POD (by the
// rules, or by a person) are on it, each with the changes its CORE record still needs; the partner CRM
// id item carries the write-back's write when the tenant writes back.
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { evaluateDecisions } from '../decisions/evaluate-decisions.ts'
import { reviewDecision } from '../decisions/review-decision.ts'
import { readWorkList, workListWriteBack } from './read-work-list.ts'
import { WORK_LIST_CSV_COLUMNS, workListCsv } from './work-list-csv.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
/** Auto-linked opportunities waiting for review: a (approved by a person), b (auto-approved), c (auto-approved, then rejected by a person), d (left waiting). */
let ace: Record<'a' | 'b' | 'c' | 'd', { ace_id: string; decision_id: string; lead_id: string }>

const writeBack = { enabled: true, mode: 'dry_run' as const, include_auto_links: true }
const read = (options: { writeBack?: typeof writeBack | null } = {}) =>
  readWorkList(db.sql, { tenantId: 'demo', asOf: AS_OF, writeBack: options.writeBack ?? null })

/** What the rules would decide, appended as the opportunity's current decision (a re-evaluation's result). */
async function autoApprove(decisionId: string): Promise<string> {
  const [row] = await db.sql<{ decision_id: string }[]>`
    insert into ops.decisions (tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, outcome, rules,
                               facts, fingerprint, match_candidate_id, run_id, actor)
    select tenant_id, ace_id, ruleset, ruleset_version, content_hash, as_of, 'auto_approve', '[]', facts,
           'test', match_candidate_id, gen_random_uuid(), 'tests'
    from ops.decisions where decision_id = ${decisionId}
    returning decision_id::text`
  return row!.decision_id
}

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  const rows = await db.sql<{ ace_id: string; decision_id: string; lead_id: string }[]>`
    select d.ace_id, d.decision_id::text, c.right_id as lead_id
    from ops.current_decisions d
    join match.candidates c on c.tenant_id = d.tenant_id and c.left_id = d.ace_id and c.selected and c.band = 'auto_link'
    where d.tenant_id = 'demo' and d.outcome = 'needs_review'
    order by d.ace_id limit 4`
  const [a, b, c, d] = rows
  ace = { a: a!, b: b!, c: c!, d: d! }
}, 120_000)
afterAll(() => fixture.dispose())

describe('readWorkList', () => {
  it('is empty while nothing stands approved', async () => {
    const list = await read()
    expect(list).toMatchObject({ as_of: AS_OF, approved: 0, items: [], write_back: null })
  })

  it('lists approved opportunities only, each change with its current and expected value', async () => {
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: ace.a.decision_id,
      action: 'approve',
      note: 'fine',
      reviewer: 'kim',
    })
    await autoApprove(ace.b.decision_id)
    const rejected = await autoApprove(ace.c.decision_id)
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: rejected,
      action: 'reject',
      note: 'no',
      reviewer: 'kim',
    })
    // The CORE records as the partner left them in ACE.
    await db.sql`
      update core.ace_opportunities set partner_crm_id = null, stage = 'Qualified', close_date = '2026-10-02',
        status = 'Approved', aws_account_id = null, aws_account_id_raw = null, aws_account_id_status = 'missing'
      where tenant_id = 'demo' and ace_id = ${ace.a.ace_id}`
    await db.sql`
      update core.ace_opportunities set partner_crm_id = ${ace.b.lead_id}, stage = 'Launched', close_date = '2026-10-02',
        status = 'Draft', aws_account_id_status = 'valid', aws_account_id = '123456789012', customer_name_is_placeholder = false
      where tenant_id = 'demo' and ace_id = ${ace.b.ace_id}`
    await db.sql`update core.ace_opportunities set partner_crm_id = null where tenant_id = 'demo' and ace_id = ${ace.c.ace_id}`
    await db.sql`update core.ace_opportunities set partner_crm_id = null where tenant_id = 'demo' and ace_id = ${ace.d.ace_id}`

    // The Odoo customer's own accounts, independently: one names the account, several or none leave it open.
    const accounts = await db.sql<{ aws_account_id: string }[]>`
      select distinct x.aws_account_id from core.odoo_opportunities o
      join core.aws_accounts x on x.tenant_id = o.tenant_id and x.company_id = o.company_id
      where o.tenant_id = 'demo' and o.lead_id = ${ace.a.lead_id} and x.aws_account_id is not null and not x.is_payer`

    const list = await read()
    expect(list.approved).toBe(2)
    expect([...new Set(list.items.map((item) => item.ace_id))]).toEqual([ace.a.ace_id, ace.b.ace_id])
    const a = list.items.filter((item) => item.ace_id === ace.a.ace_id)
    expect(a.map((item) => [item.field, item.current, item.expected])).toEqual([
      ['partner_crm_id', null, ace.a.lead_id],
      ['stage', 'Qualified', 'Launched'],
      ['close_date', '2026-10-02', 'on or after 2026-11-01'],
      ['aws_account_id', null, accounts.length === 1 ? accounts[0]!.aws_account_id : null],
    ])
    expect(a.every((item) => item.approved_by === 'person')).toBe(true)
    expect(a[0]!.why).toMatch(
      new RegExp(`^Odoo opportunity ${ace.a.lead_id} is auto-linked with probability`),
    )
    expect(a[1]!.why).toContain('passed 30 days ago')
    const b = list.items.filter((item) => item.ace_id === ace.b.ace_id)
    expect(b.map((item) => [item.field, item.current, item.expected, item.approved_by])).toEqual([
      ['review_status', 'Draft', 'Submitted', 'rules'],
    ])
    expect(list.counts).toMatchObject({
      partner_crm_id: 1,
      stage: 1,
      close_date: 1,
      aws_account_id: 1,
      review_status: 1,
    })
  })

  it("shows the write-back's write of the partner CRM id when the tenant writes back", async () => {
    const [write] = await db.sql<{ write_id: string }[]>`
      insert into ops.partner_central_writes (tenant_id, source, catalog, ace_id, lead_id, reason, status, mode)
      values ('demo', 'ace', 'AWS', ${ace.a.ace_id}, ${ace.a.lead_id}, 'auto_link', 'pending_approval', 'dry_run')
      returning write_id::text`
    const list = await read({ writeBack })
    expect(list.write_back).toEqual(writeBack)
    const [crm] = list.items.filter((item) => item.field === 'partner_crm_id')
    expect(crm!.write_back).toEqual({
      draft: true,
      mode: 'dry_run',
      write: { write_id: write!.write_id, status: 'pending_approval', mode: 'dry_run', message: null },
    })
    expect(crm!.why).toContain(
      `This is the write-back's draft (write #${write!.write_id}, pending approval).`,
    )
    expect(
      list.items.filter((item) => item.field !== 'partner_crm_id').every((item) => !item.write_back),
    ).toBe(true)

    const csv = workListCsv(list).split('\r\n')
    expect(csv[0]).toBe(WORK_LIST_CSV_COLUMNS.join(','))
    expect(csv).toHaveLength(list.items.length + 2)
    expect(csv[1]).toContain(`${ace.a.ace_id},`)
    expect(csv[1]).toContain(`,true,${write!.write_id},pending_approval,dry_run,${AS_OF}`)
  })

  it("knows a tenant's write-back only when it reads ACE from the Selling API", () => {
    expect(workListWriteBack(fixture.tenant)).toBeNull()
    const pc = loadTenantFromText(`tenant_id: acme
display_name: Acme
sources:
  ace: { kind: partnercentral, catalog: Sandbox }
write_back: { enabled: true, mode: live }
`)
    expect(workListWriteBack(pc)).toEqual({ enabled: true, mode: 'live', include_auto_links: false })
  })
})
