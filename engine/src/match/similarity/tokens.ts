// Tokenisation for matching: folded words, character n-grams, and identifier-like codes (model numbers,
// part numbers, ISBNs) that identify an item almost by themselves.
import { foldText } from '../../normalize/fold-text.ts'

const WORD = /[\p{L}\p{N}]+/gu

/** Lowercased, accent-free word tokens. */
export function wordTokens(text: string | null | undefined): string[] {
  if (!text) return []
  return foldText(text).match(WORD) ?? []
}

/** Character n-grams of the folded text with word boundaries marked (`#ab`, `ab#`). */
export function charNgrams(text: string, n = 3): string[] {
  const grams: string[] = []
  for (const word of wordTokens(text)) {
    const padded = `#${word}#`
    if (padded.length <= n) {
      grams.push(padded)
      continue
    }
    for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n))
  }
  return grams
}

/**
 * Identifier-like codes: runs of letters and digits that contain both (`kdl40v4100`, `pslx350h`,
 * `a1b2`), at least four characters, with hyphens, dots and slashes inside a code removed so that
 * `KDL-40V4100` and `kdl40v4100` agree. Pure numbers of six or more digits count too.
 */
export function codeTokens(text: string | null | undefined): string[] {
  if (!text) return []
  const folded = foldText(text)
  const codes = new Set<string>()
  for (const raw of folded.split(/[\s,;:()[\]{}"'!?|]+/)) {
    const joined = raw.replace(/[-./_+#]/g, '')
    if (joined.length < 4 || !/^[a-z0-9]+$/.test(joined)) continue
    const hasDigit = /\d/.test(joined)
    const hasLetter = /[a-z]/.test(joined)
    if ((hasDigit && hasLetter) || (hasDigit && joined.length >= 6)) codes.add(joined)
  }
  return [...codes]
}
