// The report page's stylesheet, inlined into every report (nothing is fetched): the product's colours
// and type on screen, and A4 landscape on paper with repeating table headers and unbroken rows.
export const REPORT_STYLE = `
:root { --text: #1a1f27; --muted: #556070; --border: #e2e5ea; --soft: #f9fafb;
  --approve: #15803d; --approve-soft: #dcfce7; --review: #a15c07; --review-soft: #fef3c7;
  --reject: #b91c1c; --reject-soft: #fee2e2; --accent: #1d4ed8; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f5f6f8; color: var(--text);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.report { max-width: 1280px; margin: 24px auto; padding: 32px 36px; background: #fff;
  border: 1px solid var(--border); border-radius: 8px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 650; }
h2 { font-size: 15px; margin: 0 0 8px; font-weight: 650; }
h2 .count { color: var(--muted); font-weight: 500; font-size: 13px; margin-left: 6px; }
.eyebrow { margin: 0 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 11px; font-weight: 600; }
.meta { margin: 0; color: var(--muted); }
.mono, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
.muted { color: var(--muted); }
.head { padding-bottom: 16px; border-bottom: 1px solid var(--border); margin-bottom: 20px; }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin-bottom: 24px; }
.figure { border: 1px solid var(--border); border-left-width: 4px; border-radius: 6px; padding: 10px 12px; background: var(--soft); }
.figure .label { color: var(--muted); font-size: 12px; }
.figure .value { font-size: 20px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }
.figure .detail { color: var(--muted); font-size: 11.5px; }
.figure.approved { border-left-color: var(--approve); }
.figure.in_review { border-left-color: var(--review); }
.figure.rejected { border-left-color: var(--reject); }
.figure.neutral { border-left-color: var(--accent); }
.part { margin-bottom: 28px; }
.part h2 { padding-left: 10px; border-left: 4px solid var(--accent); }
.part.approved h2 { border-left-color: var(--approve); }
.part.in_review h2 { border-left-color: var(--review); }
.part.rejected h2 { border-left-color: var(--reject); }
table { width: 100%; border-collapse: collapse; font-size: 12px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); }
th { background: var(--soft); color: var(--muted); font-weight: 600; font-size: 11.5px; border-bottom-color: #cdd2da; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td:first-child { min-width: 150px; }
.nowrap { white-space: nowrap; }
.reasons-cell { min-width: 280px; }
.customer { font-weight: 600; }
.note { margin-top: 2px; font-style: italic; }
.reasons { margin: 0; padding-left: 0; list-style: none; }
.reasons li + li { margin-top: 3px; }
.rule { display: inline-block; padding: 0 5px; border-radius: 4px; font-size: 11px; font-weight: 600; }
.rule.fail { background: var(--reject-soft); color: var(--reject); }
.rule.review { background: var(--review-soft); color: var(--review); }
.tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11px; font-weight: 600; background: #eef0f3; }
.tag.ok { background: var(--approve-soft); color: var(--approve); }
.tag.bad { background: var(--reject-soft); color: var(--reject); }
table.changes th:nth-child(2) { width: 150px; }
table.changes th:first-child { width: 34%; }
.notes { margin-top: 8px; padding-top: 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 12px; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .report { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  .figures { grid-template-columns: repeat(6, 1fr); gap: 6px; }
  .figure .value { font-size: 15pt; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, .figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`
