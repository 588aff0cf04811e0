// The monthly POD report, built from plain rows (pure): each ACE opportunity's standing (approved by the
// rules or a person, in review, rejected) with its reasons, the expected monthly spend at stake, the spend
// each was judged on against its ruleset's threshold, and what changed since the previous report (its
// standing, its decision's outcome, its link). The CSV and the HTML page both render this.
import type { Outcome } from '../rules/evaluate-ruleset.ts'
import type { IsoDate } from '../shared/clock.ts'
import type { ReportRow } from './read-report-rows.ts'
import { type Period, periodLabel } from './report-period.ts'

export const STANDINGS = ['approved', 'in_review', 'rejected'] as const
export type Standing = (typeof STANDINGS)[number]

/** How an opportunity stood in a report: what the next report compares with. */
export interface SnapshotEntry {
  standing: Standing
  outcome: Outcome
  lead_id: string | null
}
export type ReportSnapshot = Record<string, SnapshotEntry>

export interface PreviousReport {
  report_id: string
  period: Period
  as_of: IsoDate
  snapshot: ReportSnapshot
}

export type SpendVersusThreshold = 'below' | 'at_or_above' | 'not_checked'

export interface ReportLine extends ReportRow {
  standing: Standing
  /** `person` when a reviewer's verdict overrides the rules' outcome. */
  decided_by: 'rules' | 'person'
  spend_vs_threshold: SpendVersusThreshold
  /** What changed since the previous report, in words; null when nothing did (or there is none). */
  change: string | null
}

export type ChangeKind = 'new' | 'gone' | 'standing' | 'outcome' | 'link'

export interface ReportChange {
  ace_id: string
  customer_name: string | null
  kinds: ChangeKind[]
  before: SnapshotEntry | null
  after: SnapshotEntry | null
  description: string
}

export interface ReportSummary {
  kind: 'pod_monthly'
  period: Period
  as_of: IsoDate
  counts: {
    total: number
    approved: number
    approved_by_rules: number
    approved_by_person: number
    in_review: number
    rejected: number
    rejected_by_rules: number
    rejected_by_person: number
  }
  /** Expected monthly AWS spend (ACE project budget) of what stands approved and what waits for review. */
  monthly_spend_at_stake: {
    currency: 'USD'
    approved: string
    in_review: string
    /** Approved or in-review opportunities whose ACE record has no expected spend. */
    without_spend: number
  }
  /** Spend checked against the threshold: at or above it, below it, not checked (no registered account). */
  spend_checks: Record<SpendVersusThreshold, number>
  /** The `spend_threshold` of each ruleset version that decided, by `ruleset vN`. */
  spend_thresholds: Record<string, number | null>
  changes: number
  previous_report: { report_id: string; period: Period; as_of: IsoDate } | null
}

export interface PodReport {
  tenant: { id: string; name: string }
  period: Period
  period_label: string
  as_of: IsoDate
  made_at: string
  /** Approved first, then in review, then rejected; by ACE id within each. */
  lines: ReportLine[]
  changes: ReportChange[]
  summary: ReportSummary
  snapshot: ReportSnapshot
}

export interface BuildPodReportInput {
  tenant: { id: string; name: string }
  period: Period
  asOf: IsoDate
  madeAt: Date
  rows: readonly ReportRow[]
  previous: PreviousReport | null
}

const STANDING_WORDS: Record<Standing, string> = {
  approved: 'approved',
  in_review: 'in review',
  rejected: 'rejected',
}

/** Where a decision leaves an opportunity: a reviewer's newest verdict overrides the rules' outcome. */
export function standingOf(
  outcome: Outcome,
  review: ReportRow['review'],
): { standing: Standing; decided_by: 'rules' | 'person' } {
  if (review) return { standing: review.action === 'approve' ? 'approved' : 'rejected', decided_by: 'person' }
  const standing =
    outcome === 'auto_approve' ? 'approved' : outcome === 'needs_review' ? 'in_review' : 'rejected'
  return { standing, decided_by: 'rules' }
}

function spendVersusThreshold(row: ReportRow): SpendVersusThreshold {
  if (!row.spend || row.spend_threshold === null) return 'not_checked'
  return row.spend.amount < row.spend_threshold ? 'below' : 'at_or_above'
}

/** The exact sum of decimal strings (money from PostgreSQL `numeric`), as a decimal string. */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((value) => value.split('.')[1]?.length ?? 0))
  let total = 0n
  for (const value of values) {
    const negative = value.startsWith('-')
    const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.')
    const units = BigInt(whole + fraction.padEnd(scale, '0'))
    total += negative ? -units : units
  }
  const negative = total < 0n
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : ''
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

const linkWords = (leadId: string | null) => (leadId ? `Odoo ${leadId}` : 'none')

/** What changed for one opportunity between two reports; null when nothing did. */
export function describeChange(
  before: SnapshotEntry | null,
  after: SnapshotEntry | null,
): { kinds: ChangeKind[]; description: string } | null {
  if (!before && !after) return null
  if (!before) {
    return {
      kinds: ['new'],
      description: `new since the previous report: ${STANDING_WORDS[after!.standing]}, link ${linkWords(after!.lead_id)}`,
    }
  }
  if (!after) {
    return { kinds: ['gone'], description: `no longer decided (was ${STANDING_WORDS[before.standing]})` }
  }
  const kinds: ChangeKind[] = []
  const parts: string[] = []
  if (before.standing !== after.standing) {
    kinds.push('standing')
    parts.push(`${STANDING_WORDS[before.standing]} → ${STANDING_WORDS[after.standing]}`)
  }
  if (before.outcome !== after.outcome) {
    kinds.push('outcome')
    parts.push(`decision ${before.outcome} → ${after.outcome}`)
  }
  if (before.lead_id !== after.lead_id) {
    kinds.push('link')
    parts.push(`link ${linkWords(before.lead_id)} → ${linkWords(after.lead_id)}`)
  }
  return kinds.length > 0 ? { kinds, description: parts.join('; ') } : null
}

const STANDING_ORDER: Record<Standing, number> = { approved: 0, in_review: 1, rejected: 2 }

/** Builds the report from the rows as they stood on its as-of date and the previous report, if any. */
export function buildPodReport(input: BuildPodReportInput): PodReport {
  const snapshot: ReportSnapshot = {}
  const lines: ReportLine[] = input.rows.map((row) => {
    const { standing, decided_by } = standingOf(row.outcome, row.review)
    snapshot[row.ace_id] = { standing, outcome: row.outcome, lead_id: row.link?.lead_id ?? null }
    return { ...row, standing, decided_by, spend_vs_threshold: spendVersusThreshold(row), change: null }
  })
  lines.sort(
    (a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] || a.ace_id.localeCompare(b.ace_id),
  )

  const changes: ReportChange[] = []
  if (input.previous) {
    const customers = new Map(lines.map((line) => [line.ace_id, line.customer_name]))
    const ids = [...new Set([...Object.keys(input.previous.snapshot), ...Object.keys(snapshot)])].sort()
    for (const aceId of ids) {
      const before = input.previous.snapshot[aceId] ?? null
      const after = snapshot[aceId] ?? null
      const change = describeChange(before, after)
      if (change)
        changes.push({ ace_id: aceId, customer_name: customers.get(aceId) ?? null, before, after, ...change })
    }
    const byId = new Map(changes.map((change) => [change.ace_id, change.description]))
    for (const line of lines) line.change = byId.get(line.ace_id) ?? null
  }

  const count = (predicate: (line: ReportLine) => boolean) => lines.filter(predicate).length
  const atStake = (standing: Standing) =>
    sumDecimals(
      lines.flatMap((line) =>
        line.standing === standing && line.expected_monthly_spend !== null
          ? [line.expected_monthly_spend]
          : [],
      ),
    )
  const thresholds: Record<string, number | null> = {}
  for (const line of lines) thresholds[`${line.ruleset} v${line.ruleset_version}`] = line.spend_threshold
  const previous = input.previous
    ? { report_id: input.previous.report_id, period: input.previous.period, as_of: input.previous.as_of }
    : null
  const summary: ReportSummary = {
    kind: 'pod_monthly',
    period: input.period,
    as_of: input.asOf,
    counts: {
      total: lines.length,
      approved: count((l) => l.standing === 'approved'),
      approved_by_rules: count((l) => l.standing === 'approved' && l.decided_by === 'rules'),
      approved_by_person: count((l) => l.standing === 'approved' && l.decided_by === 'person'),
      in_review: count((l) => l.standing === 'in_review'),
      rejected: count((l) => l.standing === 'rejected'),
      rejected_by_rules: count((l) => l.standing === 'rejected' && l.decided_by === 'rules'),
      rejected_by_person: count((l) => l.standing === 'rejected' && l.decided_by === 'person'),
    },
    monthly_spend_at_stake: {
      currency: 'USD',
      approved: atStake('approved'),
      in_review: atStake('in_review'),
      without_spend: count((l) => l.standing !== 'rejected' && l.expected_monthly_spend === null),
    },
    spend_checks: {
      below: count((l) => l.spend_vs_threshold === 'below'),
      at_or_above: count((l) => l.spend_vs_threshold === 'at_or_above'),
      not_checked: count((l) => l.spend_vs_threshold === 'not_checked'),
    },
    spend_thresholds: thresholds,
    changes: changes.length,
    previous_report: previous,
  }
  return {
    tenant: input.tenant,
    period: input.period,
    period_label: periodLabel(input.period),
    as_of: input.asOf,
    made_at: input.madeAt.toISOString(),
    lines,
    changes,
    summary,
    snapshot,
  }
}
