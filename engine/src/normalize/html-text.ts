// Plain text from the HTML that Odoo stores in descriptions, for search, embeddings and display.

const HIDDEN_CONTENT = /<!--[\s\S]*?(?:-->|$)|<(script|style|head|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi
const HAS_TAG = /<\/?[a-z][^>]*>|<!--/i
const WHITESPACE = /\s+/g
const CARRIAGE_RETURN = /\r\n?/g
const LINE_BREAK = /<br\s*\/?>/gi
const LIST_ITEM = /<li\b[^>]*>/gi
// Tags that start or end a block of text: each becomes a line break.
const BLOCK_TAG =
  /<\/?(?:p|div|h[1-6]|ul|ol|li|tr|table|thead|tbody|blockquote|pre|section|article|header|footer|hr|dl|dt|dd)\b[^>]*>/gi
const CELL_END = /<\/t[dh]\s*>/gi
const ANY_TAG = /<\/?[a-z!][^>]*>/gi
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));/gi
const HORIZONTAL_SPACE = /[^\S\n]+/g

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwnj: '',
  zwj: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  para: '¶',
  sect: '§',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  szlig: 'ß',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Eacute: 'É',
  Agrave: 'À',
  Ccedil: 'Ç',
  Ntilde: 'Ñ',
  Aring: 'Å',
  Oslash: 'Ø',
  AElig: 'Æ',
}

function codePoint(value: number): string {
  // NUL, surrogates and out-of-range values are not characters: the replacement character stands in.
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(value)
}

function decodeEntity(entity: string, decimal?: string, hex?: string, name?: string): string {
  if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10))
  if (hex !== undefined) return codePoint(Number.parseInt(hex, 16))
  return NAMED_ENTITIES[name!] ?? NAMED_ENTITIES[name!.toLowerCase()] ?? entity
}

/** Decodes HTML character references: the common named ones and every numeric one. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(ENTITY, decodeEntity)
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_SPACE, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/**
 * Turns HTML into readable plain text: drops scripts, styles and comments, makes `<br>` and block
 * ends line breaks and `<li>` a `• ` bullet, strips the other tags, decodes entities, collapses spaces
 * and blank lines. Text without tags keeps its line breaks. Returns `''` for null.
 */
export function htmlToText(html: string | null | undefined): string {
  if (html === null || html === undefined || html === '') return ''
  if (!HAS_TAG.test(html)) return tidyLines(decodeHtmlEntities(html.replace(CARRIAGE_RETURN, '\n')))
  const text = html
    .replace(HIDDEN_CONTENT, '')
    .replace(WHITESPACE, ' ')
    .replace(LINE_BREAK, '\n')
    .replace(LIST_ITEM, '\n• ')
    .replace(BLOCK_TAG, '\n')
    .replace(CELL_END, ' ')
    .replace(ANY_TAG, '')
  return tidyLines(decodeHtmlEntities(text))
}
