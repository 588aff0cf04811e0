// The two texts the SEARCH stage embeds per record, as the product owner specified: who the customer
// is (identity) and what the deal is about (context), each behind its retrieval instruction.
import { createHash } from 'node:crypto'

export const IDENTITY_INSTRUCTION = 'Represent this company name and domain for retrieval:'
export const CONTEXT_INSTRUCTION = 'Represent this company description and context for retrieval:'
/** bge-m3 reads 512 tokens per text here; ~4 characters a token, with room for the instruction. */
export const MAX_IDENTITY_CHARS = 600
export const MAX_CONTEXT_CHARS = 2000

export type TextKind = 'identity' | 'context'
type Maybe = string | null | undefined

export interface IdentityInput {
  companyName: Maybe
  domains: Maybe[]
  /** Other names of the same company (the CRM's company record when the lead spells it otherwise). */
  aliases?: Maybe[]
}

export interface ContextInput {
  title: Maybe
  description: Maybe
  /** Use case, services or products the deal is about. */
  products?: Maybe[]
  /** The customer's industry (ACE). */
  industry?: Maybe
  /** The sales team that owns the deal (Odoo): often names the line of business. */
  team?: Maybe
}

/** `<instruction> Acme Corp | acme.com | also known as: Acme GmbH`; null when there is nothing to say. */
export function buildIdentityText(input: IdentityInput): string | null {
  const name = clean(input.companyName)
  const domains = unique(input.domains.map((domain) => clean(domain).toLowerCase()))
  const aliases = unique(input.aliases ?? []).filter((alias) => alias.toLowerCase() !== name.toLowerCase())
  const parts = [name, domains.join(', '), aliases.length > 0 ? `also known as: ${aliases.join(', ')}` : '']
  return compose(IDENTITY_INSTRUCTION, parts, MAX_IDENTITY_CHARS)
}

/**
 * `<instruction> title | industry: … | team: … | products: … | description` (description last: it is
 * what gets cut when the text is too long).
 */
export function buildContextText(input: ContextInput): string | null {
  const labelled = (label: string, value: Maybe) => (clean(value) ? `${label}: ${clean(value)}` : '')
  const products = unique(input.products ?? [])
  const parts = [
    clean(input.title),
    labelled('industry', input.industry),
    labelled('team', input.team),
    products.length > 0 ? `products: ${products.join(', ')}` : '',
    clean(input.description),
  ]
  return compose(CONTEXT_INSTRUCTION, parts, MAX_CONTEXT_CHARS)
}

/** The hash stored beside a vector, so an unchanged text is not embedded again. */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

function compose(instruction: string, parts: string[], maxChars: number): string | null {
  const body = parts.filter((part) => part !== '').join(' | ')
  if (body === '') return null
  return truncateAtWord(`${instruction} ${body}`, maxChars)
}

function clean(value: Maybe): string {
  return (value ?? '').replace(/\s+/g, ' ').trim()
}

function unique(values: Maybe[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const value of values) {
    const cleaned = clean(value)
    if (cleaned === '' || seen.has(cleaned.toLowerCase())) continue
    seen.add(cleaned.toLowerCase())
    out.push(cleaned)
  }
  return out
}

/** Cuts at the last space before the limit when there is one near it, so no word is cut in half. */
function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.lastIndexOf(' ', maxChars)
  return text.slice(0, cut > maxChars * 0.8 ? cut : maxChars).trimEnd()
}
