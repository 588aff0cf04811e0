// The POD report as one printable HTML page: self-contained (inline CSS, no script, no font, image or
// link to fetch; its content security policy forbids any), every value escaped, laid out for the screen
// and for A4 landscape paper (table headers repeat, rows never split across pages).
import type { PodReport, ReportChange, ReportLine, Standing } from './pod-report.ts'
import { periodLabel } from './report-period.ts'
import { REPORT_STYLE } from './report-style.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML (element content and attribute values). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const h = (value: string | number | null | undefined, fallback = '—'): string =>
  value === null || value === undefined || value === ''
    ? `<span class="muted">${fallback}</span>`
    : escapeHtml(String(value))

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const integer = new Intl.NumberFormat('en-US')

function money(value: string | number | null): string {
  return value === null ? '<span class="muted">—</span>' : escapeHtml(usd.format(Number(value)))
}

const SECTIONS: { standing: Standing; title: string; empty: string }[] = [
  { standing: 'approved', title: 'Approved', empty: 'No ACE opportunity stands approved.' },
  { standing: 'in_review', title: 'In review', empty: 'No ACE opportunity waits for a person.' },
  { standing: 'rejected', title: 'Rejected', empty: 'No ACE opportunity stands rejected.' },
]

function decidedCell(line: ReportLine): string {
  if (!line.review) {
    const words = {
      auto_approve: 'Approved by the rules',
      needs_review: 'Waits for a person',
      auto_reject: 'Rejected by the rules',
    }
    return `${words[line.outcome]}<div class="muted">${escapeHtml(`${line.ruleset} v${line.ruleset_version}`)}, as of ${escapeHtml(line.decision_as_of)}</div>`
  }
  const verb = line.review.action === 'approve' ? 'Approved' : 'Rejected'
  return `${verb} by ${h(line.review.reviewer)}<div class="muted">${escapeHtml(line.review.at.slice(0, 10))} · rules said ${escapeHtml(line.outcome)}</div>${
    line.review.note ? `<div class="note">“${escapeHtml(line.review.note)}”</div>` : ''
  }`
}

function spendCell(line: ReportLine): string {
  if (!line.spend) return '<span class="muted">not checked: no registered AWS account</span>'
  const threshold = line.spend_threshold === null ? '—' : usd.format(line.spend_threshold)
  const mark =
    line.spend_vs_threshold === 'below'
      ? '<span class="tag ok">below</span>'
      : line.spend_vs_threshold === 'at_or_above'
        ? '<span class="tag bad">at or above</span>'
        : ''
  return `${money(line.spend.amount)} in ${escapeHtml(line.spend.month)}${
    line.spend.month_substituted ? ' <span class="muted">(last closed month)</span>' : ''
  }<div>${mark} <span class="muted">threshold ${escapeHtml(threshold)}</span></div>`
}

function reasonsCell(line: ReportLine): string {
  if (line.reasons.length === 0) return '<span class="muted">Every rule passed.</span>'
  return `<ul class="reasons">${line.reasons
    .map(
      (reason) =>
        `<li><span class="rule ${reason.result}">${escapeHtml(reason.rule_id)}</span> ${escapeHtml(reason.explanation)}</li>`,
    )
    .join('')}</ul>`
}

function linkCell(line: ReportLine): string {
  if (!line.link) return '<span class="muted">none</span>'
  return `Odoo ${escapeHtml(line.link.lead_id)}<div class="muted">${line.link.reason === 'confirmed' ? 'confirmed by a person' : 'auto-linked'}</div>`
}

function opportunityCell(line: {
  ace_id: string
  customer_name: string | null
  title?: string | null
}): string {
  return `<span class="mono">${escapeHtml(line.ace_id)}</span><div class="customer">${h(line.customer_name, 'no customer name')}</div>${
    line.title ? `<div class="muted">${escapeHtml(line.title)}</div>` : ''
  }`
}

function sectionTable(report: PodReport, standing: Standing, title: string, empty: string): string {
  const lines = report.lines.filter((line) => line.standing === standing)
  const spend = report.summary.monthly_spend_at_stake
  const atStake =
    standing === 'approved'
      ? ` · ${money(spend.approved)} expected monthly spend`
      : standing === 'in_review'
        ? ` · ${money(spend.in_review)} expected monthly spend`
        : ''
  const heading = `<h2 id="${standing}">${title} <span class="count">${integer.format(lines.length)}${atStake}</span></h2>`
  if (lines.length === 0) return `<section class="part">${heading}<p class="muted">${empty}</p></section>`
  const rows = lines
    .map(
      (line) => `<tr>
<td>${opportunityCell(line)}</td>
<td>${decidedCell(line)}</td>
<td class="num">${money(line.expected_monthly_spend)}</td>
<td>${spendCell(line)}</td>
<td class="nowrap">${linkCell(line)}</td>
<td class="reasons-cell">${reasonsCell(line)}</td>
<td>${line.change ? escapeHtml(line.change) : '<span class="muted">—</span>'}</td>
</tr>`,
    )
    .join('\n')
  return `<section class="part ${standing}">${heading}
<table>
<thead><tr><th scope="col">ACE opportunity</th><th scope="col">Decided</th><th scope="col" class="num">Expected spend / month</th><th scope="col">Spend against threshold</th><th scope="col">Odoo link</th><th scope="col">Reasons</th><th scope="col">Since previous report</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`
}

function changesSection(report: PodReport): string {
  const previous = report.summary.previous_report
  if (!previous)
    return `<section class="part"><h2 id="changes">Changes since the previous report</h2><p class="muted">No earlier report to compare with: this is the first POD report of the tenant.</p></section>`
  const heading = `<h2 id="changes">Changed since the report for ${escapeHtml(periodLabel(previous.period))} <span class="count">${integer.format(report.changes.length)} · that report was as of ${escapeHtml(previous.as_of)}</span></h2>`
  if (report.changes.length === 0)
    return `<section class="part">${heading}<p class="muted">No standing, decision or link changed.</p></section>`
  const rows = report.changes
    .map(
      (change: ReportChange) => `<tr>
<td>${opportunityCell(change)}</td>
<td>${change.kinds.map((kind) => `<span class="tag">${escapeHtml(kind)}</span>`).join(' ')}</td>
<td>${escapeHtml(change.description)}</td>
</tr>`,
    )
    .join('\n')
  return `<section class="part">${heading}
<table class="changes">
<thead><tr><th scope="col">ACE opportunity</th><th scope="col">What changed</th><th scope="col">Before → now</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`
}

function figures(report: PodReport): string {
  const { counts, monthly_spend_at_stake: spend, spend_checks: checks } = report.summary
  const figure = (cls: string, label: string, value: string, detail: string) =>
    `<div class="figure ${cls}"><div class="label">${label}</div><div class="value">${value}</div><div class="detail">${detail}</div></div>`
  return `<section class="figures" aria-label="Summary">
${figure('approved', 'Approved', integer.format(counts.approved), `${integer.format(counts.approved_by_rules)} by the rules, ${integer.format(counts.approved_by_person)} by a person`)}
${figure('approved', 'Expected monthly spend approved', money(spend.approved), 'ACE project budgets, USD per month')}
${figure('in_review', 'In review', integer.format(counts.in_review), `${money(spend.in_review)} expected monthly spend`)}
${figure('rejected', 'Rejected', integer.format(counts.rejected), `${integer.format(counts.rejected_by_rules)} by the rules, ${integer.format(counts.rejected_by_person)} by a person`)}
${figure('neutral', 'Spend at or above threshold', integer.format(checks.at_or_above), `${integer.format(checks.below)} below, ${integer.format(checks.not_checked)} not checked`)}
${figure('neutral', 'Changed since previous report', report.summary.previous_report ? integer.format(report.summary.changes) : '—', report.summary.previous_report ? `since ${escapeHtml(periodLabel(report.summary.previous_report.period))}` : 'first report')}
</section>`
}

export function podReportHtml(report: PodReport): string {
  const title = `POD report ${report.period_label} — ${report.tenant.name}`
  const thresholds = Object.entries(report.summary.spend_thresholds)
    .map(([version, value]) => `${version}: ${value === null ? 'none' : usd.format(value)}`)
    .join(', ')
  const madeAt = `${report.made_at.slice(0, 16).replace('T', ' ')} UTC`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main class="report">
<header class="head">
<p class="eyebrow">Partner Originated Discount · monthly report</p>
<h1>POD report — ${escapeHtml(report.period_label)}</h1>
<p class="meta">${escapeHtml(report.tenant.name)} <span class="mono">(${escapeHtml(report.tenant.id)})</span> · decisions as they stood on <strong>${escapeHtml(report.as_of)}</strong> · made ${escapeHtml(madeAt)} · ${integer.format(report.summary.counts.total)} ACE opportunities decided</p>
</header>
${figures(report)}
${changesSection(report)}
${SECTIONS.map((section) => sectionTable(report, section.standing, section.title, section.empty)).join('\n')}
<footer class="notes">
<p><strong>How to read this report.</strong> Each ACE opportunity appears with the newest decision judged as of ${escapeHtml(report.as_of)} or earlier; a person's newest approval or rejection of that decision overrides the rules' outcome. Reasons are the explanations of the rules that failed or asked for review. Expected monthly spend is the ACE project budget; spend is what the registered AWS account cost in the month the decision looked at, against the <code>spend_threshold</code> of the ruleset version that decided (${escapeHtml(thresholds || 'none')}). The Odoo link is the one a person confirmed, else the matcher's auto-link.</p>
</footer>
</main>
</body>
</html>
`
}
