import { describe, expect, it } from 'vitest'
import { buildPodReport, describeChange, standingOf, sumDecimals } from './pod-report.ts'
import type { ReportRow } from './read-report-rows.ts'
import { escapeHtml, podReportHtml } from './report-html.ts'

const row = (changes: Partial<ReportRow>): ReportRow => ({
  ace_id: 'O1',
  customer_name: 'Northwind & Sons',
  title: null,
  stage: 'Committed',
  close_date: '2026-12-15',
  expected_monthly_spend: '1000.50',
  decision_id: '1',
  outcome: 'auto_approve',
  decision_as_of: '2026-11-01',
  ruleset: 'pod',
  ruleset_version: 1,
  review: null,
  reasons: [],
  spend: { amount: 4999.99, month: '2026-10', month_substituted: false, cost_rows: 3 },
  spend_threshold: 5000,
  link: { lead_id: '41', reason: 'auto_link' },
  ...changes,
})

describe('the POD report core', () => {
  it("lets a person's verdict override the rules' outcome", () => {
    expect(standingOf('auto_approve', null)).toEqual({ standing: 'approved', decided_by: 'rules' })
    expect(standingOf('needs_review', null)).toEqual({ standing: 'in_review', decided_by: 'rules' })
    expect(standingOf('auto_reject', null)).toEqual({ standing: 'rejected', decided_by: 'rules' })
    const review = { action: 'approve' as const, reviewer: 'kim', note: 'ok', at: '2026-11-02T10:00:00Z' }
    expect(standingOf('auto_reject', review)).toEqual({ standing: 'approved', decided_by: 'person' })
    expect(standingOf('auto_approve', { ...review, action: 'reject' })).toEqual({
      standing: 'rejected',
      decided_by: 'person',
    })
  })

  it('adds money exactly', () => {
    expect(sumDecimals([])).toBe('0')
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3')
    expect(sumDecimals(['1000.50', '2', '-0.5'])).toBe('1002')
    expect(sumDecimals(['99999999999999999.99', '0.01'])).toBe('100000000000000000')
    expect(sumDecimals(['-3.25', '1'])).toBe('-2.25')
  })

  it('describes what changed between two reports', () => {
    const before = { standing: 'in_review' as const, outcome: 'needs_review' as const, lead_id: '41' }
    expect(describeChange(before, before)).toBeNull()
    expect(describeChange(before, { standing: 'approved', outcome: 'auto_approve', lead_id: null })).toEqual({
      kinds: ['standing', 'outcome', 'link'],
      description: 'in review → approved; decision needs_review → auto_approve; link Odoo 41 → none',
    })
    expect(describeChange(null, before)).toEqual({
      kinds: ['new'],
      description: 'new since the previous report: in review, link Odoo 41',
    })
    expect(describeChange(before, null)).toEqual({
      kinds: ['gone'],
      description: 'no longer decided (was in review)',
    })
  })

  it('totals the spend at stake and checks spend against each version’s threshold', () => {
    const report = buildPodReport({
      tenant: { id: 'acme', name: 'Acme <Partner>' },
      period: '2026-10',
      asOf: '2026-11-01',
      madeAt: new Date('2026-11-01T05:00:00Z'),
      rows: [
        row({ ace_id: 'O1' }),
        row({
          ace_id: 'O2',
          expected_monthly_spend: '0.25',
          spend: { amount: 5000, month: '2026-10', month_substituted: false, cost_rows: 1 },
        }),
        row({ ace_id: 'O3', outcome: 'needs_review', expected_monthly_spend: null, spend: null }),
        row({ ace_id: 'O0', outcome: 'auto_reject', ruleset_version: 2, spend_threshold: 7777 }),
      ],
      previous: {
        report_id: '9',
        period: '2026-09',
        as_of: '2026-10-01',
        snapshot: {
          O1: { standing: 'approved', outcome: 'auto_approve', lead_id: '41' },
          O3: { standing: 'approved', outcome: 'auto_approve', lead_id: '41' },
          O9: { standing: 'rejected', outcome: 'auto_reject', lead_id: null },
        },
      },
    })
    expect(report.lines.map((line) => [line.ace_id, line.standing, line.spend_vs_threshold])).toEqual([
      ['O1', 'approved', 'below'],
      ['O2', 'approved', 'at_or_above'],
      ['O3', 'in_review', 'not_checked'],
      ['O0', 'rejected', 'below'],
    ])
    expect(report.summary).toMatchObject({
      counts: { total: 4, approved: 2, in_review: 1, rejected: 1 },
      monthly_spend_at_stake: { approved: '1000.75', in_review: '0', without_spend: 1 },
      spend_checks: { below: 2, at_or_above: 1, not_checked: 1 },
      spend_thresholds: { 'pod v1': 5000, 'pod v2': 7777 },
      changes: 4,
      previous_report: { report_id: '9', period: '2026-09', as_of: '2026-10-01' },
    })
    expect(report.changes.map((change) => [change.ace_id, change.kinds])).toEqual([
      ['O0', ['new']],
      ['O2', ['new']],
      ['O3', ['standing', 'outcome']],
      ['O9', ['gone']],
    ])
    const html = podReportHtml(report)
    expect(html).toContain('<title>POD report October 2026 — Acme &lt;Partner&gt;</title>')
    expect(html).toContain('Northwind &amp; Sons')
    expect(html).not.toContain('Northwind & Sons')
    expect(escapeHtml(`<a href="x">'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;')
  })
})
