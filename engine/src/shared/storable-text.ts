// Text PostgreSQL cannot store or compare: NUL characters (text cannot hold them) and lone UTF-16
// surrogates (not Unicode; jsonb refuses them). Input boundaries refuse such text by name.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why a text cannot be stored, or undefined when it can. */
export function unstorableTextProblem(value: string): string | undefined {
  if (value.includes('\0')) return 'contains a NUL character'
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (not Unicode text)'
  return undefined
}
