// Turns a company name into folded word tokens; the legal-suffix table and the name normalizer share it.
import { foldText } from './fold-text.ts'

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g
const WHITESPACE = /\s+/g
// Removed before folding: NFKD would turn `´` into a space plus a mark.
const APOSTROPHE_IN_WORD = /(?<=[\p{L}\p{N}])['’‘`´ʼ](?=[\p{L}\p{N}])/gu
// `&` and `+` only join words: `AT&T`, `Bang + Olufsen`; `C++` and `Disney+` are punctuation.
const JOINER_BETWEEN_WORDS = /(?<=[\p{L}\p{N}])\s*[&+]\s*(?=[\p{L}\p{N}])/gu
// Runs of dotted single letters are one word: `S.A.`, `S. A.`, `L.L.C.`, `o.o.`, `s.a r.l.`.
const DOTTED_LETTERS = /(?<![\p{L}\p{N}])(?:\p{L}\.\s*)+\p{L}(?![\p{L}\p{N}])\.?/gu
const DOT_OR_SPACE = /[.\s]/g
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu
// Words for "and" in the languages our customers write in; unified only between two words, so a
// name such as `E Solutions` or `Acme Y` keeps its letter.
const AND_WORDS = new Set(['and', 'und', 'et', 'y', 'e'])

/** Trims, collapses whitespace and drops invisible characters (zero-width spaces, soft hyphens). */
export function cleanDisplayName(raw: string): string {
  return raw.replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim()
}

/**
 * Splits a company name into lowercase, accent-free tokens with punctuation removed and every form
 * of "and" (`&`, `+`, `und`, `et`, `y`, `e`) as the token `and`. Returns `[]` when nothing is left.
 */
export function tokenizeCompanyName(display: string): string[] {
  const folded = foldText(display.replace(APOSTROPHE_IN_WORD, ''))
    .replace(JOINER_BETWEEN_WORDS, ' and ')
    .replace(DOTTED_LETTERS, (run) => run.replace(DOT_OR_SPACE, ''))
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim()
  if (folded === '') return []
  const tokens = folded.split(' ')
  for (let i = 1; i < tokens.length - 1; i++) {
    if (AND_WORDS.has(tokens[i]!)) tokens[i] = 'and'
  }
  return tokens
}
