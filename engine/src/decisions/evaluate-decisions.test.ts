// The default ruleset's decisions on the demo data, rule by rule, against the ground truth and against
// the data computed independently in SQL (never through the providers).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Outcome, RuleTrace } from '../rules/evaluate-ruleset.ts'
import { evaluateDecisions } from './evaluate-decisions.ts'

const db = useTestDatabase()
let fixture: DecisionsFixture
let decisions: Map<string, { outcome: Outcome; rules: Map<string, RuleTrace> }>

async function readDecisions() {
  const rows = await db.sql<{ ace_id: string; outcome: Outcome; rules: RuleTrace[] }[]>`
    select ace_id, outcome, rules from ops.current_decisions where tenant_id = 'demo'`
  return new Map(
    rows.map((row) => [
      row.ace_id,
      { outcome: row.outcome, rules: new Map(row.rules.map((rule) => [rule.rule_id, rule])) },
    ]),
  )
}

const result = (aceId: string, rule: string) => decisions.get(aceId)!.rules.get(rule)!.result

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, {
    size: { companies: 60, odooOpportunities: 120, aceOpportunities: 150, billingMonths: 4 },
  })
  const report = await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  expect(report).toMatchObject({ ruleset: 'pod', version: 1, evaluated: 150, appended: 150 })
  decisions = await readDecisions()
})
afterAll(() => fixture.dispose())

describe('the default ruleset on the demo data', () => {
  it('decides every ACE opportunity once, explaining every rule', async () => {
    expect(decisions.size).toBe(fixture.truth.length)
    for (const { aceId } of fixture.truth) {
      const decision = decisions.get(aceId)!
      for (const trace of decision.rules.values()) {
        expect(trace.explanation.length).toBeGreaterThan(0)
        expect(trace.explanation).not.toContain('{{')
      }
      const rules = [...decision.rules.values()]
      const expected = rules.some((r) => r.result === 'fail' && r.severity === 'critical')
        ? 'auto_reject'
        : rules.some((r) => r.result === 'fail' || r.result === 'review')
          ? 'needs_review'
          : 'auto_approve'
      expect(decision.outcome).toBe(expected)
    }
  })

  it('rejects AWS referrals through partner_originated and approves partner referrals on that rule', async () => {
    const ownership = new Map(
      (
        await fixture.apn<{ id: string; ownership: string | null }[]>`
        select id, opportunity_ownership as ownership from opportunity`
      ).map((row) => [row.id, row.ownership]),
    )
    let awsReferrals = 0
    for (const truth of fixture.truth) {
      const aws = truth.kind === 'aws_referral_matched' || truth.kind === 'aws_referral_no_counterpart'
      const partner = truth.kind === 'registered' || truth.kind === 'ace_only_partner'
      if (truth.note.includes('ownership:null')) {
        expect(result(truth.aceId, 'partner_originated')).toBe('review')
      } else if (aws) {
        expect(result(truth.aceId, 'partner_originated'), truth.aceId).toBe('fail')
        expect(decisions.get(truth.aceId)!.outcome).toBe('auto_reject')
        awsReferrals++
      } else if (partner) {
        expect(result(truth.aceId, 'partner_originated'), truth.aceId).toBe('pass')
      } else {
        const expected = { 'AWS Referral': 'fail', 'Partner Referral': 'pass' }[
          ownership.get(truth.aceId) ?? ''
        ]
        expect(result(truth.aceId, 'partner_originated')).toBe(expected)
      }
    }
    expect(awsReferrals).toBeGreaterThan(0)
  })

  it('rejects Closed Lost opportunities through active_opportunity', async () => {
    const stages = await fixture.apn<{ id: string; closed_lost: boolean }[]>`
      select id, regexp_replace(lower(stage_name), '[^a-z]', '', 'g') = 'closedlost' as closed_lost from opportunity`
    let closedLost = 0
    for (const { id, closed_lost } of stages) {
      expect(result(id, 'active_opportunity'), id).toBe(closed_lost ? 'fail' : 'pass')
      if (closed_lost) {
        expect(decisions.get(id)!.outcome).toBe('auto_reject')
        closedLost++
      }
    }
    expect(closedLost).toBeGreaterThan(0)
  })

  it('judges spend_threshold on the SQL sum of the spend month, and sends unknown accounts to review', async () => {
    const spend = await db.sql<
      { ace_id: string; registered: boolean; lost_zero: boolean; amount: string; substituted: boolean }[]
    >`
      select a.ace_id,
             exists (select 1 from core.aws_accounts r where r.tenant_id = a.tenant_id and r.aws_account_id = a.aws_account_id) as registered,
             exists (select 1 from core.aws_accounts r where r.tenant_id = a.tenant_id and r.aws_account_id_status = 'malformed'
                     and lpad(regexp_replace(r.aws_account_id_raw, '[^0-9]', '', 'g'), 12, '0') = a.aws_account_id) as lost_zero,
             coalesce((
               select sum(c.cost) from core.billing_cost c join core.aws_accounts r
                 on r.tenant_id = c.tenant_id and r.account_ref = c.account_ref
               where c.tenant_id = a.tenant_id and r.aws_account_id = a.aws_account_id
                 and c.charge_type in ('usage', 'discounted usage', 'RIFee')
                 and date_trunc('month', c.month) = least(date_trunc('month', a.close_date) - interval '1 month',
                                                          date_trunc('month', ${AS_OF}::date) - interval '1 month')
             ), 0)::text as amount,
             date_trunc('month', a.close_date) > date_trunc('month', ${AS_OF}::date) - interval '1 month' as substituted
      from core.ace_opportunities a where a.tenant_id = 'demo'`
    const seen = { pass: 0, fail: 0, review: 0, substituted: 0 }
    const truth = new Map(fixture.truth.map((row) => [row.aceId, row]))
    for (const row of spend) {
      const note = truth.get(row.ace_id)!.note
      const trace = decisions.get(row.ace_id)!.rules.get('spend_threshold')!
      if (note.includes('account:none') || note.includes('account:unregistered')) {
        expect(trace.result).toBe('review')
        expect(row.registered).toBe(false)
        seen.review++
        continue
      }
      if (!row.registered) {
        // The registry's own copy is malformed (Odoo dropped the leading zero): not present until fixed.
        expect(row.lost_zero, `${row.ace_id} ${note}`).toBe(true)
        expect(trace.result).toBe('review')
        expect(trace.explanation).toContain('is not in the account registry')
        seen.review++
        continue
      }
      const expected = Number(row.amount) < 5000 ? 'pass' : 'fail'
      expect(trace.result, row.ace_id).toBe(expected)
      expect(trace.inputs['spend.amount']).toBe(Number(row.amount))
      expect(trace.inputs['spend.month_substituted']).toBe(row.substituted)
      if (row.substituted) {
        expect(trace.explanation).toContain('the last closed month, standing in')
        seen.substituted++
      }
      if (expected === 'fail') expect(decisions.get(row.ace_id)!.outcome).toBe('auto_reject')
      seen[expected]++
    }
    expect(seen.review).toBeGreaterThan(0)
    expect(seen.pass).toBeGreaterThan(0)
    expect(seen.fail).toBeGreaterThan(0)
    expect(seen.substituted).toBeGreaterThan(0)
  })

  it('passes match_confidence exactly when the best candidate is auto_link, and reviews when there is none', async () => {
    const best = new Map(
      (
        await db.sql<{ left_id: string; band: string }[]>`
        select left_id, band from match.candidates where tenant_id = 'demo' and selected`
      ).map((row) => [row.left_id, row.band]),
    )
    for (const { aceId } of fixture.truth) {
      const band = best.get(aceId)
      expect(result(aceId, 'match_confidence')).toBe(
        band === undefined ? 'review' : band === 'auto_link' ? 'pass' : 'fail',
      )
    }
  })

  it('passes timeline when the close date is 0 to 90 days after D', async () => {
    const days = await db.sql<{ ace_id: string; days: number }[]>`
      select ace_id, close_date - ${AS_OF}::date as days from core.ace_opportunities where tenant_id = 'demo'`
    for (const { ace_id, days: d } of days) {
      expect(result(ace_id, 'timeline')).toBe(d >= 0 && d <= 90 ? 'pass' : 'fail')
    }
  })

  it('flags competing_opportunity when another open ACE opportunity names the same account', async () => {
    const competing = await db.sql<{ ace_id: string; others: number }[]>`
      select a.ace_id, (select count(*)::int from core.ace_opportunities b
        where b.tenant_id = a.tenant_id and b.aws_account_id = a.aws_account_id and b.ace_id <> a.ace_id
          and coalesce(b.stage, '') not in ('Launched', 'Closed Lost')) as others
      from core.ace_opportunities a where a.tenant_id = 'demo'`
    for (const { ace_id, others } of competing) {
      expect(result(ace_id, 'competing_opportunity')).toBe(others === 0 ? 'pass' : 'fail')
    }
  })

  it('does not evaluate end_user_reporting until the tenant configures a source', async () => {
    for (const { aceId } of fixture.truth) expect(result(aceId, 'end_user_reporting')).toBe('not_evaluated')
    await writeFile(
      path.join(fixture.tenant.dir, 'decisions.yaml'),
      'end_user:\n  source: apn\n  table: end_user\n',
    )
    await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
    const configured = await readDecisions()
    const reports = await fixture.apn<{ opportunity_id: string; ok: boolean }[]>`
      select e.opportunity_id, e.usage_type = 'End User' and not e.government_advising
             and e.reported_date - (o.aws_create_date at time zone 'UTC')::date <= 30 as ok
      from end_user e join opportunity o on o.id = e.opportunity_id`
    expect(reports.length).toBeGreaterThan(0)
    for (const { opportunity_id, ok } of reports) {
      expect(configured.get(opportunity_id)!.rules.get('end_user_reporting')!.result).toBe(
        ok ? 'pass' : 'fail',
      )
    }
  })
})

describe('timeline boundaries', () => {
  it('includes D and D + 90 days and excludes the days just outside', async () => {
    const ids = fixture.truth.slice(0, 4).map((row) => row.aceId)
    const closes = ['2026-11-01', '2027-01-30', '2027-01-31', '2026-10-31']
    for (const [index, id] of ids.entries()) {
      await db.sql`update core.ace_opportunities set close_date = ${closes[index]!} where tenant_id = 'demo' and ace_id = ${id}`
    }
    await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF, aceIds: ids })
    const after = await readDecisions()
    expect(ids.map((id) => after.get(id)!.rules.get('timeline')!.result)).toEqual([
      'pass',
      'pass',
      'fail',
      'fail',
    ])
    expect(after.get(ids[1]!)!.rules.get('timeline')!.explanation).toContain('is 90 days from 2026-11-01')
  })
})
