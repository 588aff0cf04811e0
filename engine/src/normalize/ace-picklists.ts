// ACE picklist values (stage, status, ownership, type, acceptance) in their canonical spelling.

export const ACE_STAGES = [
  'Prospect',
  'Qualified',
  'Technical Validation',
  'Business Validation',
  'Committed',
  'Launched',
  'Closed Lost',
] as const
export type AceStage = (typeof ACE_STAGES)[number]

export const ACE_STATUSES = [
  'Draft',
  'Submitted',
  'In review',
  'Action Required',
  'Approved',
  'Rejected',
] as const
export type AceStatus = (typeof ACE_STATUSES)[number]

export const ACE_OWNERSHIPS = ['Partner Referral', 'AWS Referral'] as const
export type AceOwnership = (typeof ACE_OWNERSHIPS)[number]

export const ACE_OPPORTUNITY_TYPES = ['Net New Business', 'Expansion', 'Flat Renewal'] as const
export type AceOpportunityType = (typeof ACE_OPPORTUNITY_TYPES)[number]

export const ACE_ACCEPTANCES = ['Accepted', 'Rejected'] as const
export type AceAcceptance = (typeof ACE_ACCEPTANCES)[number]

export interface PicklistValue<T extends string> {
  /** The canonical value; null when the input was blank or not recognised. */
  value: T | null
  /** False when a non-blank value matched nothing: report it as a data-quality issue. Blank is recognised. */
  recognised: boolean
}

// Case, spaces, underscores and hyphens do not matter: `CLOSED_LOST`, `closed-lost`, `Closed Lost`.
const IGNORED = /[\s_-]+/g

function compact(text: string): string {
  return text.toLowerCase().replace(IGNORED, '')
}

function picklist<T extends string>(
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): (raw: string | null | undefined) => PicklistValue<T> {
  const lookup = new Map<string, T>()
  for (const value of values) lookup.set(compact(value), value)
  for (const [alias, value] of Object.entries(aliases)) lookup.set(compact(alias), value)
  return (raw) => {
    if (raw === null || raw === undefined || raw.trim() === '') return { value: null, recognised: true }
    const value = lookup.get(compact(raw))
    return value === undefined ? { value: null, recognised: false } : { value, recognised: true }
  }
}

const stage = picklist<AceStage>(ACE_STAGES)
// `Pending Submission` is the newer Partner Central API's name for a draft.
const status = picklist<AceStatus>(ACE_STATUSES, { 'Pending Submission': 'Draft' })
const ownership = picklist<AceOwnership>(ACE_OWNERSHIPS, {
  'Partner Referred': 'Partner Referral',
  'AWS Referred': 'AWS Referral',
})
const opportunityType = picklist<AceOpportunityType>(ACE_OPPORTUNITY_TYPES)
const acceptance = picklist<AceAcceptance>(ACE_ACCEPTANCES)

/** The canonical ACE stage (`Prospect` … `Launched`, `Closed Lost`). */
export function normalizeAceStage(raw: string | null | undefined): PicklistValue<AceStage> {
  return stage(raw)
}

/** The canonical ACE review status (`Draft`, `Submitted`, `In review`, `Action Required`, …). */
export function normalizeAceStatus(raw: string | null | undefined): PicklistValue<AceStatus> {
  return status(raw)
}

/** The canonical opportunity ownership, the POD gate: `Partner Referral` or `AWS Referral`. */
export function normalizeOwnership(raw: string | null | undefined): PicklistValue<AceOwnership> {
  return ownership(raw)
}

/** The canonical opportunity type: `Net New Business`, `Expansion` or `Flat Renewal`. */
export function normalizeOpportunityType(raw: string | null | undefined): PicklistValue<AceOpportunityType> {
  return opportunityType(raw)
}

/** The canonical partner acceptance of an AWS referral: `Accepted` or `Rejected`. */
export function normalizeAcceptance(raw: string | null | undefined): PicklistValue<AceAcceptance> {
  return acceptance(raw)
}

/**
 * Whether an opportunity at this stage is still open: anything but `Launched` and `Closed Lost`,
 * in any spelling. A blank or unknown stage counts as open, since nothing says it closed.
 */
export function isOpenAceStage(rawStage: string | null | undefined): boolean {
  const { value } = stage(rawStage)
  return value !== 'Launched' && value !== 'Closed Lost'
}
