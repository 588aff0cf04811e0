// The AO/PO flag typed on Odoo leads (`Partner Originated`, `PO`, `AO`), read with the tenant's value lists.
import { foldText } from './fold-text.ts'

export type Origination = 'partner' | 'aws'

export interface OriginationValues {
  /** Source values meaning partner-originated. */
  partner: readonly string[]
  /** Source values meaning AWS-originated. */
  aws: readonly string[]
}

export interface OriginationResult {
  value: Origination | null
  /** False when a non-blank value is in neither list: report it. Blank is recognised. */
  recognised: boolean
}

/** The first customer's values; tenants override them in `mappings.origination_values`. */
export const DEFAULT_ORIGINATION_VALUES: OriginationValues = {
  partner: ['partner originated', 'partner-originated', 'po', 'partner'],
  aws: ['aws originated', 'aws-originated', 'ao', 'aws'],
}

// Case, accents, dots and runs of spaces, hyphens or underscores do not matter: `P.O.`, `Partner_Originated`.
const DOTS = /\./g
const SEPARATORS = /[\s_-]+/g

function key(text: string): string {
  return foldText(text).replace(DOTS, '').replace(SEPARATORS, ' ').trim()
}

// One lookup per configuration object, built on first use: leads are read in batches of thousands.
// A value listed under both origins maps to null: guessing either way could wrongly grant or deny POD.
const lookups = new WeakMap<OriginationValues, ReadonlyMap<string, Origination | null>>()

function lookupFor(values: OriginationValues): ReadonlyMap<string, Origination | null> {
  let lookup = lookups.get(values)
  if (lookup === undefined) {
    const built = new Map<string, Origination | null>()
    for (const value of values.partner) built.set(key(value), 'partner')
    for (const value of values.aws) built.set(key(value), built.get(key(value)) === 'partner' ? null : 'aws')
    lookup = built
    lookups.set(values, lookup)
  }
  return lookup
}

/**
 * Reads the origination flag of a CRM lead as `partner` or `aws`, comparing with the configured value
 * lists case- and punctuation-insensitively. Blank gives `{ value: null, recognised: true }`; a value in
 * neither list, or in both, gives `recognised: false`.
 */
export function normalizeOrigination(
  raw: string | null | undefined,
  values: OriginationValues = DEFAULT_ORIGINATION_VALUES,
): OriginationResult {
  if (raw === null || raw === undefined) return { value: null, recognised: true }
  const wanted = key(raw)
  if (wanted === '') return { value: null, recognised: true }
  const value = lookupFor(values).get(wanted)
  return value === undefined || value === null
    ? { value: null, recognised: false }
    : { value, recognised: true }
}
