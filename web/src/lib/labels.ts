// Words and colours the pages share for the product's enumerations, so a status reads and looks the
// same on every page and chart.
import type { Schemas } from './api-client.ts'
import { aceOwnershipValues, aceStageValues, outcomeValues } from './api-types.ts'

export type Outcome = Schemas['Outcome']
export type Band = Schemas['Match']['band']
export type RuleResult = Schemas['RuleTrace']['result']

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

const ACTION_LABELS: Record<string, string> = {
  'decision.evaluated': 'Decision evaluated',
  'decisions.evaluated': 'Decisions evaluated',
  'decision.approved': 'Approved',
  'decision.rejected': 'Rejected',
  'match.confirmed': 'Match confirmed',
  'match.rejected': 'Match rejected',
  'ruleset.published': 'Ruleset published',
}

/** An audit action in words (`decision.approved` → `Approved`). */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[._]/g, ' ')
}
