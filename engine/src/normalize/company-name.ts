// Company names as typed in Odoo and ACE, reduced to a compare key for blocking and name similarity.
import { cleanDisplayName, tokenizeCompanyName } from './company-tokens.ts'
import { stripLegalForms } from './legal-suffixes.ts'
import { looksLikePersonName } from './person-name.ts'
import { isPlaceholderName } from './placeholder-name.ts'

export interface CompanyName {
  /** The value as received; null when there was none. */
  original: string | null
  /** Trimmed, whitespace collapsed, invisible characters removed: what a person should see. */
  display: string
  /** Lowercase, accent-free, punctuation removed, every "and" spelled `and`; legal forms kept. */
  normalized: string
  /** `normalized` without legal forms and a leading `the`: the blocking and compare key. */
  key: string
  /** `key` split on spaces (empty for an empty name). */
  tokens: string[]
  /** Canonical legal forms removed from the key (`inc`, `gmbh & co kg`, `sp z oo`), in written order. */
  legalSuffixes: string[]
  /** `test`, `TBD`, `n/a`, `xxx`, only digits or punctuation, a single letter and the like. */
  isPlaceholder: boolean
  /** A person's name typed where the company belongs (`John Smith`); conservative. */
  looksLikePerson: boolean
}

// Small words people leave out of acronyms (`Bank of America` → `BA`).
const ACRONYM_SKIP = new Set(['and', 'of', 'the', 'for'])

/**
 * Normalizes a company name for storage and matching. `key` is the value to compare: `Acme, Inc.`,
 * `ACME Inc` and `The Acme Company` all give `acme`; `Müller & Söhne GmbH` gives `muller and sohne`.
 * Business words (`Group`, `Solutions`) stay in the key; see GENERIC_COMPANY_WORDS.
 */
export function normalizeCompanyName(raw: string | null | undefined): CompanyName {
  const original = raw ?? null
  const display = cleanDisplayName(original ?? '')
  const all = tokenizeCompanyName(display)
  const split = stripLegalForms(all, display)
  const tokens = split.tokens.length > 1 && split.tokens[0] === 'the' ? split.tokens.slice(1) : split.tokens
  const isPlaceholder = isPlaceholderName(all, tokens)
  return {
    original,
    display,
    normalized: all.join(' '),
    key: tokens.join(' '),
    tokens,
    legalSuffixes: split.legalSuffixes,
    isPlaceholder,
    looksLikePerson: !isPlaceholder && split.legalSuffixes.length === 0 && looksLikePersonName(display),
  }
}

/** The compare key of a company name (`normalizeCompanyName(raw).key`); `''` for an empty name. */
export function companyNameKey(raw: string | null | undefined): string {
  return normalizeCompanyName(raw).key
}

/**
 * The acronym of a compare key: first letters of its words, skipping `and`, `of`, `the` and `for`
 * (`amazon web services` → `aws`, `procter and gamble` → `pg`). Returns `''` when fewer than two words
 * count, since one letter identifies nothing.
 */
export function acronymOf(key: string): string {
  let acronym = ''
  for (const word of key.split(' ')) {
    if (word !== '' && !ACRONYM_SKIP.has(word)) acronym += String.fromCodePoint(word.codePointAt(0)!)
  }
  return [...acronym].length >= 2 ? acronym : ''
}
