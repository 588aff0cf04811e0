// The `report` stage on the demo fixture, decided as of AS_OF: what the report says is checked against
// the decisions themselves (counts, reasons, spend against the threshold) and the APN source (expected
// spend); a review and a changed link show up as changes in the next month's report; every report is
// kept (a period made again is another report) and reads the decisions as of its own date.
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateDecisions } from '../decisions/evaluate-decisions.ts'
import { reviewDecision } from '../decisions/review-decision.ts'
import type { RuleTrace } from '../rules/evaluate-ruleset.ts'
import { stageContext } from '../stage/stage.ts'
import { REPORT_CSV_COLUMNS } from './report-csv.ts'
import { reportStage } from './report-stage.ts'
import { listReports, readReportFile } from './report-store.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture

beforeAll(async () => {
  fixture = await createDecisionsFixture(db)
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
}, 120_000)
afterAll(() => fixture.dispose())

const makeReport = (asOf: string, period?: string) =>
  reportStage.run(stageContext({ tenant: fixture.tenant, sql: db.sql, url: db.url, asOf }), { period })

/** The CSV as records by column name. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''))
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  const [header, ...body] = rows
  return body.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])))
}

interface Decided {
  ace_id: string
  decision_id: string
  outcome: string
  rules: RuleTrace[]
  spend: { amount: number; month: string } | null
}

async function currentDecisions(): Promise<Decided[]> {
  return db.sql<Decided[]>`
    select ace_id, decision_id::text, outcome, rules, facts->'spend' as spend
    from ops.current_decisions where tenant_id = 'demo' order by ace_id`
}

describe('the monthly POD report', () => {
  let first: Awaited<ReturnType<typeof makeReport>>

  it('reports the month that just ended, as the decisions stood on the 1st', async () => {
    first = await makeReport(AS_OF)
    expect(first).toMatchObject({ period: '2026-10', as_of: '2026-11-01', changes: 0 })
    const decisions = await currentDecisions()
    const count = (outcome: string) => decisions.filter((d) => d.outcome === outcome).length
    expect(first.approved).toBe(count('auto_approve'))
    expect(first.in_review).toBe(count('needs_review'))
    expect(first.rejected).toBe(count('auto_reject'))
    expect(first.approved + first.in_review + first.rejected).toBe(fixture.truth.length)

    const [stored] = await listReports(db.sql, 'demo')
    expect(stored).toMatchObject({
      report_id: first.report_id,
      kind: 'pod_monthly',
      period: '2026-10',
      as_of: '2026-11-01',
      requested_by: 'system',
      summary: { previous_report: null, changes: 0, counts: { approved: first.approved } },
    })
    expect(stored).not.toHaveProperty('csv')
    expect(stored).not.toHaveProperty('html')
  })

  it('lists each opportunity with the reasons and spend of its decision, and the spend at stake', async () => {
    const { body } = await readReportFile(db.sql, 'demo', first.report_id, 'csv')
    expect(body.split('\r\n')[0]).toBe(REPORT_CSV_COLUMNS.join(','))
    const rows = parseCsv(body)
    const decisions = await currentDecisions()
    expect(rows.map((row) => row.ace_id).sort()).toEqual(decisions.map((d) => d.ace_id))
    const sections = { auto_approve: 'approved', needs_review: 'in_review', auto_reject: 'rejected' }
    for (const decision of decisions) {
      const row = rows.find((r) => r.ace_id === decision.ace_id)!
      expect(row.section, decision.ace_id).toBe(sections[decision.outcome as keyof typeof sections])
      expect(row).toMatchObject({
        outcome: decision.outcome,
        decided_by: 'rules',
        period: '2026-10',
        as_of: AS_OF,
      })
      // Reasons: every failing or review rule's explanation, in ruleset order.
      const reasons = decision.rules
        .filter((rule) => rule.result === 'fail' || rule.result === 'review')
        .map((rule) => `${rule.rule_id} (${rule.result}): ${rule.explanation}`)
      expect(row.reasons!.replace(/^'/, '')).toBe(reasons.join(' | '))
      // Spend: the decision's spend facts against the ruleset's threshold (5,000 in the demo's pod.yaml).
      if (decision.spend) {
        expect(Number(row.spend_usd)).toBeCloseTo(Number(decision.spend.amount), 6)
        expect(row.spend_month).toBe(decision.spend.month)
        expect(row.spend_threshold_usd).toBe('5000')
        expect(row.spend_vs_threshold).toBe(Number(decision.spend.amount) < 5000 ? 'below' : 'at_or_above')
      } else expect(row).toMatchObject({ spend_usd: '', spend_vs_threshold: 'not_checked' })
    }
    expect(rows.some((row) => row.spend_vs_threshold === 'below')).toBe(true)
    expect(rows.some((row) => row.reasons!.includes('spend_threshold'))).toBe(true)

    // Expected monthly spend at stake: the ACE budgets of what stands approved, from the APN source.
    const approved = decisions.filter((d) => d.outcome === 'auto_approve').map((d) => d.ace_id)
    const [source] = await fixture.apn<{ total: string }[]>`
      select coalesce(sum(project_budget), 0)::text as total from opportunity where id = any(${approved})`
    const [stored] = await listReports(db.sql, 'demo')
    expect(Number(stored!.summary.monthly_spend_at_stake.approved)).toBeCloseTo(Number(source!.total), 2)
    expect(stored!.summary.spend_thresholds).toEqual({ 'pod v1': 5000 })
  })

  it('is a printable HTML page that fetches nothing and escapes what it shows', async () => {
    const { body } = await readReportFile(db.sql, 'demo', first.report_id, 'html')
    expect(body).toMatch(/^<!doctype html>/)
    expect(body).toContain('<h1>POD report — October 2026</h1>')
    expect(body).toContain('@media print')
    expect(body).toContain('@page { size: A4 landscape')
    expect(body).toContain("default-src 'none'")
    for (const external of [/<script/i, /\ssrc=/i, /<link/i, /url\(/i, /@import/i, /https?:\/\//i])
      expect(body).not.toMatch(external)
    const names = await db.sql<{ customer_name: string }[]>`
      select customer_name from core.ace_opportunities where tenant_id = 'demo' and customer_name like '%&%' limit 1`
    if (names[0]) expect(body).toContain(names[0].customer_name.replaceAll('&', '&amp;'))
    expect(body).toContain('No earlier report to compare with')
    for (const section of ['id="approved"', 'id="in_review"', 'id="rejected"'])
      expect(body).toContain(section)
  })

  it("lists a person's verdict with its note, and what changed since last month's report", async () => {
    const decisions = await currentDecisions()
    const waiting = decisions.filter((d) => d.outcome === 'needs_review')
    const [approveIt, rejectIt] = waiting as [Decided, Decided]
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: approveIt.decision_id,
      action: 'approve',
      note: 'Checked the account with the customer',
      reviewer: 'kim',
    })
    await reviewDecision(db.sql, {
      tenantId: 'demo',
      decisionId: rejectIt.decision_id,
      action: 'reject',
      note: '=HYPERLINK("x") duplicate of another deal',
      reviewer: 'kim',
    })
    // A person links another Odoo opportunity to one the matcher had auto-linked.
    const [linked] = await db.sql<{ ace_id: string; right_id: string; other_id: string }[]>`
      select c.left_id as ace_id, c.right_id, o.right_id as other_id from match.candidates c
      join match.candidates o on o.tenant_id = c.tenant_id and o.left_id = c.left_id and not o.selected
      where c.tenant_id = 'demo' and c.selected and c.band = 'auto_link'
        and c.left_id <> all(${[approveIt.ace_id, rejectIt.ace_id]})
      order by c.left_id, o.rank limit 1`
    await db.sql`
      insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer)
      values ('demo', 'ace_opportunity', ${linked!.ace_id}, 'odoo_opportunity', ${linked!.other_id}, 'confirm', 'kim')`

    const november = await makeReport('2026-12-01')
    expect(november).toMatchObject({ period: '2026-11', as_of: '2026-12-01', changes: 3 })
    expect(november.approved).toBe(first.approved + 1)
    expect(november.in_review).toBe(first.in_review - 2)
    const rows = parseCsv((await readReportFile(db.sql, 'demo', november.report_id, 'csv')).body)
    const byId = (aceId: string) => rows.find((row) => row.ace_id === aceId)!
    expect(byId(approveIt.ace_id)).toMatchObject({
      section: 'approved',
      outcome: 'needs_review',
      decided_by: 'person',
      reviewer: 'kim',
      review_note: 'Checked the account with the customer',
      change_since_previous_report: 'in review → approved',
    })
    // Free text that a spreadsheet would run as a formula is neutralised.
    expect(byId(rejectIt.ace_id)).toMatchObject({
      section: 'rejected',
      review_note: `'=HYPERLINK("x") duplicate of another deal`,
      change_since_previous_report: 'in review → rejected',
    })
    expect(byId(linked!.ace_id)).toMatchObject({
      odoo_lead_id: linked!.other_id,
      link: 'confirmed',
      change_since_previous_report: `link Odoo ${linked!.right_id} → Odoo ${linked!.other_id}`,
    })
    const html = (await readReportFile(db.sql, 'demo', november.report_id, 'html')).body
    expect(html).toContain('Changed since the report for October 2026')
    expect(html).toContain('&quot;x&quot;')
    const [stored] = await listReports(db.sql, 'demo')
    expect(stored!.summary).toMatchObject({
      period: '2026-11',
      changes: 3,
      previous_report: { report_id: first.report_id, period: '2026-10', as_of: '2026-11-01' },
      counts: { approved_by_person: 1, rejected_by_person: 1 },
    })
  })

  it('keeps every report: a period made again is a new report, and the earlier one reads as before', async () => {
    const before = await readReportFile(db.sql, 'demo', first.report_id, 'csv')
    // Made later for October: the decisions as they stood when October ended (the 1st of November).
    const again = await makeReport('2026-12-06', '2026-10')
    expect(again).toMatchObject({ period: '2026-10', as_of: '2026-11-01' })
    expect(again.report_id).not.toBe(first.report_id)
    expect((await readReportFile(db.sql, 'demo', first.report_id, 'csv')).body).toBe(before.body)
    const list = await listReports(db.sql, 'demo')
    expect(list.map((report) => report.period)).toEqual(['2026-10', '2026-11', '2026-10'])
    expect(list.map((report) => Number(report.report_id))).toEqual(
      list.map((report) => Number(report.report_id)).sort((a, b) => b - a),
    )
    await expect(
      db.sql`update ops.reports set csv = '' where report_id = ${first.report_id}`,
    ).rejects.toThrow(/append-only/)
  })

  it('leaves out decisions judged after its date, and refuses a month that has not started', async () => {
    // Every decision of the fixture is judged as of 2026-11-01: September's report (as of 2026-10-01) has none.
    const september = await makeReport('2026-10-01')
    expect(september).toMatchObject({
      period: '2026-09',
      as_of: '2026-10-01',
      approved: 0,
      in_review: 0,
      rejected: 0,
    })
    const html = (await readReportFile(db.sql, 'demo', september.report_id, 'html')).body
    expect(html).toContain('No ACE opportunity stands approved.')
    await expect(makeReport(AS_OF, '2026-12')).rejects.toThrow('period 2026-12 has not started on 2026-11-01')
  })
})
