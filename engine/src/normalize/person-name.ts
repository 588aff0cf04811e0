// Spotting a person's name typed where a company name belongs (`John Smith` as the ACE customer).
import { BUSINESS_WORDS } from './company-words.ts'
import { foldText } from './fold-text.ts'

/**
 * Common first names (folded) in the markets the first customer sells to. Deliberately small: the
 * heuristic must stay conservative, and names that are also common business words (`Summit`) are left out.
 */
export const COMMON_FIRST_NAMES: ReadonlySet<string> = new Set(
  [
    'james john robert michael william david richard joseph thomas charles christopher daniel matthew',
    'anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason',
    'jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel',
    'gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas',
    'zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean carl',
    'arthur lawrence dylan jesse bryan billy joe bruce gabriel logan albert alan juan wayne elijah randy',
    'roy vincent ralph eugene russell bobby mason philip louis mike bob tom jim dave steve chris matt dan',
    'tony nick alex sam ben bill greg jeff rick ted luis carlos miguel pedro diego javier marco luca',
    'giuseppe hans klaus stefan jurgen pierre jean francois michel rahul amit raj priya ahmed mohammed',
    'muhammad omar ivan dmitri sergei hiroshi kenji',
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret',
    'sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca',
    'sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha',
    'katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce',
    'virginia kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha',
    'gloria teresa ann sara frances kathryn janice abigail alice judy sophia denise doris marilyn',
    'danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori anne',
    'claire sophie julia monica sofia ana carmen lucia elena ingrid anja olga natasha anita sunita',
  ].flatMap((line) => line.split(' ')),
)

const CAPITALISED_WORD = /^\p{Lu}[\p{L}'’-]*$/u
const INITIAL = /^\p{Lu}\.?$/u
const SURNAME_FIRST = /^([^,]+),\s*([^,]+)$/
const WORD_PUNCTUATION = /['’.-]/g

function isBusinessWord(word: string): boolean {
  return BUSINESS_WORDS.has(foldText(word).replace(WORD_PUNCTUATION, ''))
}

/**
 * A conservative guess that a name is a person's: two or three capitalised words (`John Smith`,
 * `Mary J. O'Neil`, `SMITH, JOHN`) starting with a common first name, with no business word.
 * Misses unusual first names on purpose: a wrong "person" flag would hide a real company.
 */
export function looksLikePersonName(display: string): boolean {
  const reordered = SURNAME_FIRST.exec(display)
  const text = reordered === null ? display : `${reordered[2]} ${reordered[1]}`
  const words = text.trim().split(/\s+/)
  if (words.length < 2 || words.length > 3) return false
  const [first, ...others] = words as [string, ...string[]]
  if (!COMMON_FIRST_NAMES.has(foldText(first))) return false
  const surname = others[others.length - 1]!
  if (!CAPITALISED_WORD.test(first) || !CAPITALISED_WORD.test(surname) || surname.length < 2) return false
  if (others.length === 2 && !INITIAL.test(others[0]!) && !CAPITALISED_WORD.test(others[0]!)) return false
  return !words.some(isBusinessWord)
}
