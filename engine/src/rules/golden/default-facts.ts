// The fact set golden cases start from: an opportunity every default rule approves, at any as-of date,
// with the derived date facts (days until close, spend month, benefit window) kept consistent with
// whatever a case changes, so a fixture states only what it is about.

import type { FactSet } from '../fact-catalog.ts'
import { addDays, benefitWindow, daysBetween, spendMonthFor } from '../fact-dates.ts'

/** Nested partial facts as a fixture writes them; null replaces a whole value. */
export type PartialFacts = { [group: string]: Record<string, unknown> | null }

const CLOSED_STAGES = new Set(['Launched', 'Closed Lost'])

/** An auto-approvable opportunity at `asOf`: partner referral, registered account, low spend, strong match. */
export function defaultFacts(asOf: string): FactSet {
  const closeDate = addDays(asOf, 30)
  const spendMonth = spendMonthFor(closeDate, asOf)
  const window = benefitWindow(closeDate)
  return {
    evaluation: { date: asOf },
    opportunity: {
      id: 'O1000001',
      stage: 'Committed',
      status: 'Approved',
      ownership: 'Partner Referral',
      is_open: true,
      close_date: closeDate,
      days_until_close: 30,
      created_at: `${addDays(asOf, -60)}T09:30:00Z`,
      aws_account_raw: '1234-5678-9012',
      aws_account_id: '123456789012',
      aws_account_valid: true,
      aws_account_registered: true,
      benefit_window_start: window.start,
      benefit_window_end: window.end,
    },
    match: {
      band: 'auto_link',
      probability: 0.97,
      odoo_lead_id: '4242',
      name_similarity: 0.96,
      domain_exact: true,
      dense_similarity: 0.93,
      comparisons: {
        customer_name: { level: 'near', value: 0.96, bits: 6.1 },
        domains: { level: 'exact', value: 'example.com', bits: 4.2 },
        aws_accounts: { level: 'exact', value: '123456789012', bits: 9.5 },
      },
    },
    spend: {
      amount: 1234.56,
      month: spendMonth.month,
      month_substituted: spendMonth.substituted,
      charge_types: ['usage', 'discounted usage', 'RIFee'],
      cost_rows: 42,
    },
    end_user: null,
    pipeline: { open_on_account: 0, other_on_account: [], accounts_on_opportunity: 1 },
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stated(partial: PartialFacts, group: string, field: string): boolean {
  const value = partial[group]
  return isObject(value) && Object.hasOwn(value, field)
}

/**
 * `defaultFacts(asOf)` with `partial` merged over it (objects merge field by field, anything else
 * replaces), then the derived facts the case did not state recomputed from what it did: days until
 * close and the benefit window from the close date, `is_open` from the stage, the spend month from the
 * close date (and spend null when the account is not registered).
 */
export function buildFacts(asOf: string, partial: PartialFacts = {}): FactSet {
  const facts = defaultFacts(asOf) as unknown as Record<string, Record<string, unknown> | null>
  for (const [group, value] of Object.entries(partial)) {
    const current = facts[group]
    facts[group] = isObject(value) && isObject(current) ? { ...current, ...value } : (value as never)
  }
  const opportunity = facts.opportunity!
  const closeDate = typeof opportunity.close_date === 'string' ? opportunity.close_date : null
  if (!stated(partial, 'opportunity', 'days_until_close')) {
    opportunity.days_until_close = closeDate ? daysBetween(asOf, closeDate) : null
  }
  const window = closeDate ? benefitWindow(closeDate) : null
  if (!stated(partial, 'opportunity', 'benefit_window_start'))
    opportunity.benefit_window_start = window?.start ?? null
  if (!stated(partial, 'opportunity', 'benefit_window_end'))
    opportunity.benefit_window_end = window?.end ?? null
  if (!stated(partial, 'opportunity', 'is_open')) {
    opportunity.is_open = typeof opportunity.stage !== 'string' || !CLOSED_STAGES.has(opportunity.stage)
  }
  if (opportunity.aws_account_registered === false && !Object.hasOwn(partial, 'spend')) facts.spend = null
  const spend = facts.spend
  if (spend && closeDate) {
    const month = spendMonthFor(closeDate, asOf)
    if (!stated(partial, 'spend', 'month')) spend.month = month.month
    if (!stated(partial, 'spend', 'month_substituted')) spend.month_substituted = month.substituted
  }
  return facts as unknown as FactSet
}
