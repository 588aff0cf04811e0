// Words and colours the pages share for the product's enumerations, so a status reads and looks the
// same on every page and chart.
import type { Schemas } from './api-client.ts'
import { aceOwnershipValues, aceStageValues, outcomeValues, writeBackStatusValues } from './api-types.ts'

export type Outcome = Schemas['Outcome']
export type Band = Schemas['Match']['band']
export type RuleResult = Schemas['RuleTrace']['result']
export type WriteBackStatus = Schemas['WriteBackStatus']
export type WriteBackMode = Schemas['WriteBack']['mode']
export type WriteBackReason = Schemas['WriteBack']['reason']

/** The outcomes in the contract's order (generated from it). */
export const OUTCOMES: readonly Outcome[] = outcomeValues

export const OUTCOME_LABELS: Record<Outcome, string> = {
  auto_approve: 'Auto-approved',
  needs_review: 'Needs review',
  auto_reject: 'Auto-rejected',
}

export const BAND_LABELS: Record<Band, string> = {
  auto_link: 'Auto-link',
  review: 'Review',
  no_link: 'No link',
}

export const RULE_RESULT_LABELS: Record<RuleResult, string> = {
  pass: 'Pass',
  fail: 'Fail',
  review: 'Review',
  not_evaluated: 'Not evaluated',
  disabled: 'Disabled',
}

/** Chart colours (the badges use the matching CSS variables). */
export const COLORS = {
  approve: '#16a34a',
  review: '#d97706',
  reject: '#dc2626',
  neutral: '#94a3b8',
  accent: '#2563eb',
  ace: '#f59e0b',
  odoo: '#875a7b',
  grid: '#e5e7eb',
  text: '#4b5563',
} as const

export const OUTCOME_COLORS: Record<Outcome, string> = {
  auto_approve: COLORS.approve,
  needs_review: COLORS.review,
  auto_reject: COLORS.reject,
}

/** ACE picklists in their canonical spelling, from the contract (normalisation maps variants onto them). */
export const ACE_STAGES: readonly Schemas['AceStage'][] = aceStageValues
export const ACE_OWNERSHIPS: readonly Schemas['AceOwnership'][] = aceOwnershipValues

/** Write-back statuses in the contract's order: from waiting for a person to done. */
export const WRITE_BACK_STATUSES: readonly WriteBackStatus[] = writeBackStatusValues

export const WRITE_BACK_STATUS_LABELS: Record<WriteBackStatus, string> = {
  pending_approval: 'Pending approval',
  approved: 'Approved',
  held: 'Held',
  dry_run: 'Dry run recorded',
  succeeded: 'Succeeded',
  failed: 'Failed',
  superseded: 'Superseded',
}

/** What each status means, for a tooltip (the contract's words). */
export const WRITE_BACK_STATUS_HINTS: Record<WriteBackStatus, string> = {
  pending_approval: 'Waits for a person to approve it',
  approved: 'Runs with the next write-back job',
  held: 'AWS is reviewing the opportunity; tried again next run',
  dry_run: 'The exact request was recorded, not sent',
  succeeded: 'Partner Central holds the Odoo id',
  failed: 'The message says why',
  superseded: 'The link changed, or Partner Central already holds it',
}

export const WRITE_BACK_MODE_LABELS: Record<WriteBackMode, string> = {
  dry_run: 'Dry run',
  live: 'Live',
}

export const WRITE_BACK_REASON_LABELS: Record<WriteBackReason, string> = {
  confirmed: 'Confirmed match',
  auto_link: 'Auto-link',
}

/** Where an ACE opportunity was read from: the APN database (`apn`), or a Partner Central API source. */
export function aceSourceLabel(source: string): string {
  return source === 'apn' ? 'APN database' : `Partner Central API (${source})`
}

const ACTION_LABELS: Record<string, string> = {
  'decision.evaluated': 'Decision evaluated',
  'decisions.evaluated': 'Decisions evaluated',
  'decision.approved': 'Approved',
  'decision.rejected': 'Rejected',
  'match.confirmed': 'Match confirmed',
  'match.rejected': 'Match rejected',
  'ruleset.published': 'Ruleset published',
  'partner_central.writes_approved': 'Write-backs approved',
  'partner_central.write_dry_run': 'Write-back dry run recorded',
  'partner_central.write_succeeded': 'Written to Partner Central',
  'partner_central.write_failed': 'Write-back failed',
  'partner_central.write_superseded': 'Write-back superseded',
}

/** An audit action in words (`decision.approved` → `Approved`). */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, ' ')
}
