// Recognises names that are not names: `test`, `TBD`, `n/a`, `xxx`, `Do not use`, `12345`.

// Compared with all spaces removed, so `n/a`, `N.A.` and `n a` are the same.
const PLACEHOLDERS = new Set([
  'test',
  'testing',
  'tests',
  'testtest',
  'tbd',
  'tba',
  'tbc',
  'na',
  'nil',
  'none',
  'null',
  'undefined',
  'unknown',
  'unkown',
  'asdf',
  'asdfg',
  'asdfgh',
  'asdfasdf',
  'qwerty',
  'jkl',
  'dummy',
  'sample',
  'demo',
  'example',
  'placeholder',
  'temp',
  'tmp',
  'default',
  'foo',
  'foobar',
  'blah',
  'new',
  'unnamed',
  'untitled',
  'noname',
  'nocompany',
  'donotuse',
  'dontuse',
  'delete',
  'deleted',
  'duplicate',
  'notapplicable',
  'notavailable',
  'notprovided',
  'notknown',
  'tobedetermined',
  'tobeconfirmed',
  'tobeannounced',
  'individual',
  'personal',
  'private',
  'self',
  'selfemployed',
  'anonymous',
  'loremipsum',
])

// Words that may stand beside a placeholder without making the name real: `Test Company 2`,
// `Unknown customer`, `TEST ACCOUNT - DO NOT USE`.
const FILLER_WORDS = new Set(
  'company customer client account accounts opportunity lead name org organisation organization business firm data entry record user the a do not use no yet please only and of for'.split(
    ' ',
  ),
)
const REPEATED_FILLER_LETTER = /^(?:x{2,}|z{2,}|q{2,})$/
// `test123`, `tbd2`: numbered placeholders.
const TRAILING_DIGITS = /(?<=\D)\d+$/
const HAS_LETTER = /\p{L}/u
const DIGITS = /^\d+$/

function isPlaceholderWord(word: string): boolean {
  const unnumbered = word.replace(TRAILING_DIGITS, '')
  return PLACEHOLDERS.has(unnumbered) || REPEATED_FILLER_LETTER.test(unnumbered)
}

/**
 * Whether a tokenized company name is a placeholder rather than a company: empty, only digits or
 * punctuation, a single letter, `xxx`, a known placeholder word or phrase, or only placeholder and
 * filler words (`Test Account 2`). Checks both the full tokens and the key without legal forms
 * (`TBD Inc.`).
 */
export function isPlaceholderName(tokens: readonly string[], keyTokens: readonly string[]): boolean {
  if (tokens.length === 0) return true
  const compact = tokens.join('')
  if (!HAS_LETTER.test(compact)) return true
  if ([...compact].length === 1) return true
  if (isPlaceholderWord(compact) || isPlaceholderWord(keyTokens.join(''))) return true
  let placeholderWords = 0
  for (const token of keyTokens) {
    if (isPlaceholderWord(token)) placeholderWords++
    else if (!FILLER_WORDS.has(token) && !DIGITS.test(token)) return false
  }
  return placeholderWords > 0
}
