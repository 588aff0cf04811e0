// Domains for the identities ACE learns before Odoo does (a new brand, a regional division): built from
// the name the way companies pick them, never one another company already uses.
import { transliterateGerman } from './name-variants.ts'
import type { Random } from './random.ts'

/** The lower-case words of a name that go into a domain label. */
function labelWords(name: string): string[] {
  return transliterateGerman(name)
    .toLowerCase()
    .replace(/&/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !['of', 'and', 'de', 'the', 'city', 'der'].includes(w))
}

/** `acmerobotics.de` for `Acme Robotics` and `de`; a number is appended while the domain is taken. */
export function domainFor(random: Random, name: string, tld: string, taken: Set<string>): string {
  const label = labelWords(name).slice(0, 2).join('') || 'co'
  let domain = `${label.slice(0, 40)}.${tld}`
  while (taken.has(domain)) domain = `${label.slice(0, 40)}${random.int(2, 99)}.${tld}`
  taken.add(domain)
  return domain
}

/** The top-level part of a domain: `co.uk` for `acme.co.uk`. */
export function topLevel(domain: string): string {
  return domain.split('.').slice(1).join('.') || 'com'
}

/** The e-mail moved to another domain when it was on `from`; other addresses (free mail) stay. */
export function moveEmail(email: string | null, from: string | null, to: string): string | null {
  if (!email || !from) return email
  const at = email.lastIndexOf('@')
  return email.slice(at + 1).toLowerCase() === from.toLowerCase() ? `${email.slice(0, at)}@${to}` : email
}
