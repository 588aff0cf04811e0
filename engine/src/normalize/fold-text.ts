// Unicode folding shared by the normalizers: one lowercase, accent-free spelling per word.

// Letters that NFKD does not decompose into a base letter plus marks.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
}
const SPECIAL_LETTER = /[ßæøœłđðþıħŧŀĸ]/g
const COMBINING_MARK = /\p{M}/gu
// Printable ASCII needs no decomposition: the fast path for most names and codes.
const PLAIN_ASCII = /^[\x20-\x7e]*$/

/**
 * Lowercases and removes accents: NFKD (which also turns full-width letters and ligatures such as
 * `ﬁ` into plain letters) with combining marks stripped, plus the letters NFKD leaves alone
 * (`ß`→`ss`, `æ`→`ae`, `ø`→`o`, `œ`→`oe`, `ł`→`l`, `đ`→`d`, `þ`→`th`). Punctuation is kept.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  if (PLAIN_ASCII.test(lower)) return lower
  // Lowercased again: a few compatibility characters (`ℌ`) decompose to capitals. NFC at the end
  // recomposes what NFKD split without leaving marks, such as Hangul syllables.
  return lower
    .replace(SPECIAL_LETTER, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .toLowerCase()
    .normalize('NFC')
}
