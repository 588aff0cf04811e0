// AWS account ids as typed in Odoo and ACE (`1234-5678-9012`, `'123456789012`, 11 digits), made canonical.

export type AwsAccountIdStatus = 'valid' | 'missing' | 'malformed'

export interface AwsAccountId {
  status: AwsAccountIdStatus
  /** The 12-digit id; only when `status` is `valid`. */
  id: string | null
  /** The value as received, as text; null when there was none. */
  raw: string | null
  /** Why the value is not valid, for a data-quality report. */
  reason?: string
  /** A likely id for a person to confirm (zero-padded, or a 12-digit run in text); never applied. */
  suggestion?: string
}

const QUOTES = /^['"`‘’“”]+|['"`‘’“”]+$/g
// Separators people and spreadsheets put inside ids; dashes include the typographic ones.
const SEPARATORS = /[\s\u00a0\u2009\u202f.\-‐‑–—_]/g
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/
const FLOAT_RENDERING = /^(\d+)\.0+$/
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i
const DIGITS = /^\d+$/
const ALL_ZEROS = /^0+$/
const TWELVE_DIGIT_RUN = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g
const MISSING_WORDS = new Set([
  '',
  '-',
  '--',
  '?',
  'n/a',
  'na',
  'n.a.',
  'none',
  'null',
  'nil',
  'tbd',
  'unknown',
  'pending',
])

function result(
  status: AwsAccountIdStatus,
  raw: string | null,
  extra: Partial<AwsAccountId> = {},
): AwsAccountId {
  return { status, id: null, raw, ...extra }
}

function fromText(raw: string): AwsAccountId {
  // NFKC turns full-width digits (`１２３`) into ASCII ones.
  const text = raw.normalize('NFKC').trim().replace(QUOTES, '').trim()
  if (MISSING_WORDS.has(text.toLowerCase())) return result('missing', raw)
  if (SCIENTIFIC.test(text)) {
    return result('malformed', raw, { reason: 'scientific notation: a spreadsheet rounded the id' })
  }
  // `123456789012.0` is how exports write an id read as a float: the digits are intact.
  const float = FLOAT_RENDERING.exec(text)
  const digits =
    float !== null
      ? float[1]!
      : THOUSANDS.test(text)
        ? text.replaceAll(',', '')
        : text.replace(SEPARATORS, '')
  if (!DIGITS.test(digits)) {
    const runs = text.match(TWELVE_DIGIT_RUN) ?? []
    const suggestion = runs.length === 1 ? runs[0]!.replace(SEPARATORS, '') : undefined
    return result('malformed', raw, {
      reason: runs.length > 1 ? 'several account ids in one value' : 'contains characters other than digits',
      ...(suggestion === undefined ? {} : { suggestion }),
    })
  }
  return fromDigits(digits, raw)
}

function fromDigits(digits: string, raw: string): AwsAccountId {
  if (ALL_ZEROS.test(digits)) {
    return digits.length < 12 ? result('missing', raw) : result('malformed', raw, { reason: 'all zeros' })
  }
  if (digits.length === 12) return { status: 'valid', id: digits, raw }
  if (digits.length === 10 || digits.length === 11) {
    return result('malformed', raw, {
      reason: `${digits.length} digits: a leading zero may have been lost`,
      suggestion: digits.padStart(12, '0'),
    })
  }
  return result('malformed', raw, { reason: `${digits.length} digits, expected 12` })
}

function fromNumber(value: number): AwsAccountId {
  const raw = String(value)
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) {
    return result('malformed', raw, { reason: 'not a whole number' })
  }
  // Beyond 2^53 the digits are no longer exact; 12-digit ids stay far below it.
  if (!Number.isSafeInteger(value))
    return result('malformed', raw, { reason: 'number too large to be exact' })
  return fromDigits(value.toFixed(0), raw)
}

/**
 * Canonicalizes an AWS account id: `valid` when exactly 12 digits remain after removing spaces,
 * dashes, dots and surrounding quotes (`1234-5678-9012`, `'123 456 789 012'`, the number 123456789012).
 * `missing` for null, empty, `n/a`, `none`, `0`. Everything else is `malformed` with a reason: 10 or 11
 * digits (a spreadsheet dropped leading zeros; the zero-padded id is only suggested), scientific
 * notation (`1.23457E+11`, digits lost), letters, twelve zeros, other lengths.
 */
export function canonicalizeAwsAccountId(raw: unknown): AwsAccountId {
  if (raw === null || raw === undefined) return result('missing', null)
  if (typeof raw === 'string') return fromText(raw)
  if (typeof raw === 'number') return fromNumber(raw)
  if (typeof raw === 'bigint')
    return raw < 0n
      ? result('malformed', String(raw), { reason: 'negative' })
      : fromDigits(String(raw), String(raw))
  return result('malformed', describe(raw), { reason: `unexpected ${typeof raw}` })
}

function describe(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  } catch {
    return String(value)
  }
}
