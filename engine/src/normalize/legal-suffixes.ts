// Legal-form words (`Inc.`, `GmbH`, `S.A. de C.V.`, `株式会社`) and their removal from a tokenized name.
import { tokenizeCompanyName } from './company-tokens.ts'

// Each row: the canonical form, then other spellings. Spellings go through the same tokenizer as
// names, so `S.A.`, `S. A.` and `SA` need one entry; rows list only spellings that tokenize apart.
const LEGAL_FORMS: ReadonlyArray<readonly string[]> = [
  // English-speaking countries
  ['inc'],
  ['incorporated'],
  ['corp'],
  ['corporation'],
  ['co'],
  ['company'],
  ['ltd'],
  ['limited'],
  ['llc', 'L L C', 'limited liability company', 'limited liability co'],
  ['pllc', 'professional limited liability company'],
  ['llp', 'limited liability partnership'],
  ['lllp'],
  ['lp', 'limited partnership'],
  ['plc', 'public limited company'],
  ['pc', 'professional corporation'],
  ['pa', 'professional association'],
  ['lc'],
  ['ulc'],
  ['cic'],
  ['pty'],
  ['pte'],
  ['pvt'],
  // German-speaking countries
  ['gmbh', 'gesellschaft mit beschrankter haftung'],
  ['gmbh & co kg', 'gmbh co kg'],
  ['gmbh & co kgaa', 'gmbh co kgaa'],
  ['ag & co kg', 'ag co kg'],
  ['se & co kg', 'se co kg'],
  ['ug & co kg', 'ug co kg'],
  ['mbh'],
  ['gesmbh'],
  ['ag', 'aktiengesellschaft'],
  ['kg', 'kommanditgesellschaft'],
  ['kgaa'],
  ['ohg'],
  ['gbr'],
  ['ug', 'ug haftungsbeschrankt'],
  ['se'],
  // French, Benelux, Italian
  ['sa', 'S A', 'societe anonyme'],
  ['sas', 'sasu'],
  ['sarl', 'sa rl', 's a r l'],
  ['eurl'],
  ['sci'],
  ['snc'],
  ['sca'],
  ['selarl'],
  ['bv', 'B V'],
  ['nv', 'N V'],
  ['bvba'],
  ['cvba'],
  ['sprl'],
  ['vof'],
  ['srl', 'srls'],
  ['spa', 'societa per azioni'],
  ['scarl', 'scrl'],
  // Spanish- and Portuguese-speaking countries
  ['sl', 'slu', 'sociedad limitada'],
  ['sau'],
  ['sa de cv'],
  ['sab de cv'],
  ['sapi de cv'],
  ['srl de cv'],
  ['s de rl', 's de rl de cv'],
  ['sac'],
  ['saa'],
  ['eirl', 'eireli'],
  ['ltda'],
  ['lda'],
  ['cia'],
  // Nordic and Baltic countries
  ['ab', 'ab publ'],
  ['oy'],
  ['oyj'],
  ['as', 'A S'],
  ['asa'],
  ['aps'],
  ['ehf'],
  ['oü'],
  ['uab'],
  ['sia'],
  // Central and Eastern Europe, Turkey
  ['sp z oo', 'spzoo', 'sp zoo', 'sp z o o'],
  ['sp j'],
  ['sp k'],
  ['sro', 'spol s ro'],
  ['kft'],
  ['zrt', 'nyrt'],
  ['doo', 'dooel'],
  ['ood', 'eood'],
  ['ooo', 'ооо'],
  ['sti'],
  // Asia and Oceania
  ['kk', 'kabushiki kaisha', 'kabushikigaisha', '株式会社'],
  ['gk', 'godo kaisha', '合同会社'],
  ['yk', '有限会社'],
  ['ltd', '有限公司'],
  ['llc', '有限责任公司'],
  ['sdn bhd', 'sendirian berhad'],
  ['bhd', 'berhad'],
  ['tbk'],
  ['jsc'],
  ['pcl', 'public company limited'],
]

// Spellings that stand for two canonical forms at once.
const COMPOUND_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['private limited', ['pvt', 'ltd']],
  ['private ltd', ['pvt', 'ltd']],
  ['proprietary limited', ['pty', 'ltd']],
  ['proprietary ltd', ['pty', 'ltd']],
  ['股份有限公司', ['co', 'ltd']],
  ['주식회사', ['co', 'ltd']],
]

// Forms written before the name; only unambiguous non-Latin ones (`株式会社アクメ`, `ООО Ромашка`), since
// a leading `PT` or `CV` in a Latin name is as likely a word of the name.
const LEADING_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['株式会社', 'kk'],
  ['有限会社', 'yk'],
  ['合同会社', 'gk'],
  ['ооо', 'ooo'],
  ['зао', 'zao'],
  ['оао', 'oao'],
  ['пао', 'pao'],
]

// `Spa` is also a word of English names (`Serenity Day Spa`): it counts only when written `SpA` or dotted.
const REQUIRED_SPELLING: Readonly<Record<string, RegExp>> = {
  spa: /(?:^|[^\p{L}])(?:[Ss]\.\s?[Pp]\.\s?[Aa]\.?|SpA)(?!\p{L})/u,
}

const SUFFIXES = new Map<string, readonly string[]>()
for (const [canonical, ...spellings] of LEGAL_FORMS) {
  for (const spelling of [canonical!, ...spellings]) {
    SUFFIXES.set(tokenizeCompanyName(spelling).join(' '), [canonical!])
  }
}
for (const [spelling, canonicals] of COMPOUND_FORMS) {
  SUFFIXES.set(tokenizeCompanyName(spelling).join(' '), canonicals)
}
const MAX_SUFFIX_TOKENS = Math.max(...[...SUFFIXES.keys()].map((phrase) => phrase.split(' ').length))

const LEADING = new Map(
  LEADING_FORMS.map(([spelling, canonical]) => [tokenizeCompanyName(spelling)[0]!, canonical]),
)
// CJK forms are written without a space (`アクメ株式会社`), so they are cut off the glued token.
const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}]+$/u
// Longest first, so that `股份有限公司` is cut whole rather than as `有限公司`.
const GLUED_FORMS = [...new Set([...SUFFIXES.keys(), ...LEADING.keys()])]
  .filter((form) => CJK_ONLY.test(form))
  .sort((a, b) => b.length - a.length)
// Tokens hold no whitespace, so "not printable ASCII" is "not ASCII".
const NON_ASCII = /[^ -~]/

export interface LegalFormSplit {
  /** The name's tokens without legal forms; never empty when the input was not. */
  tokens: string[]
  /** Canonical forms removed, in the order they were written. */
  legalSuffixes: string[]
}

function splitGluedForms(tokens: readonly string[]): string[] {
  const out: string[] = []
  for (const token of tokens) {
    const form = NON_ASCII.test(token)
      ? GLUED_FORMS.find((f) => token.length > f.length && (token.endsWith(f) || token.startsWith(f)))
      : undefined
    if (form === undefined) out.push(token)
    else if (token.endsWith(form)) out.push(token.slice(0, -form.length), form)
    else out.push(form, token.slice(form.length))
  }
  return out
}

/**
 * Removes legal forms from the end of a tokenized name, several if present (`Holdings Co., Ltd.`),
 * plus a dangling `and` they leave (`Smith & Co.`) and the few forms written first (`株式会社…`).
 * Always leaves one token besides a leading `the`. `display` is the name as written, for the forms
 * that count only in one spelling.
 */
export function stripLegalForms(tokens: readonly string[], display: string): LegalFormSplit {
  const rest = splitGluedForms(tokens)
  const floor = rest[0] === 'the' ? 2 : 1
  const trailing: string[] = []
  let removed = true
  while (removed && rest.length > floor) {
    removed = false
    for (let size = Math.min(MAX_SUFFIX_TOKENS, rest.length - floor); size >= 1; size--) {
      const phrase = rest.slice(-size).join(' ')
      const canonicals = SUFFIXES.get(phrase)
      if (canonicals === undefined) continue
      const required = REQUIRED_SPELLING[phrase]
      if (required !== undefined && !required.test(display)) continue
      rest.length -= size
      trailing.unshift(...canonicals)
      if (rest.length > floor && rest[rest.length - 1] === 'and') rest.length -= 1
      removed = true
      break
    }
  }
  const leading = rest.length > 1 ? LEADING.get(rest[0]!) : undefined
  if (leading !== undefined) rest.shift()
  return { tokens: rest, legalSuffixes: leading === undefined ? trailing : [leading, ...trailing] }
}
