// Registrable domains (`acme.co.uk`) from the free-text websites and emails of Odoo and ACE.
import { domainToASCII } from 'node:url'
import { parse } from 'tldts'
import { FREE_MAIL_BRANDS, FREE_MAIL_DOMAINS } from './free-mail-domains.ts'

export type DomainFailure = 'empty' | 'invalid' | 'free_mail' | 'ip_address'

export interface DomainResult {
  /** Lowercase registrable domain in punycode (`acme.co.uk`, `xn--mller-kva.de`), or null. */
  domain: string | null
  /** Why there is no domain; absent when there is one. */
  reason?: DomainFailure
}

// Private suffixes count (`acme.github.io`, `acme.azurewebsites.net`): there the name before the
// suffix is the customer's, not GitHub's or Microsoft's.
const TLDTS_OPTIONS = {
  allowPrivateDomains: true,
  detectIp: true,
  extractHostname: false,
  validateHostname: false,
}
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/
const SPACES_AROUND_DOTS = /\s*\.\s*/g
const LIST_SEPARATORS = /[\s,;|]+/
const WRAPPING = /^[<("'[{]+|[>)"'\]}]+$/g
// `http://`, `https//`, `https:/`, `http:\\`, `//`, and any other `scheme://`.
const SCHEME = /^(?:(?:https?|ftps?)\s*[:;]?[/\\]+|[a-z][a-z0-9+.-]*:\/\/|\/\/)/
const HOST_END = /[/?#\\]/
const PORT = /:\d*$/
const EMAIL_IN_ANGLES = /<([^>]*)>/
const MAILTO = /^mailto:/i
const EMAIL_SEPARATORS = /[,;]/
const EMPTY_WORDS = new Set([
  '',
  '-',
  '--',
  '.',
  '?',
  'n/a',
  'na',
  'none',
  'null',
  'nil',
  'tbd',
  'unknown',
  'no',
])

const IPV6 = /:.*:/

function failure(reason: DomainFailure): DomainResult {
  return { domain: null, reason }
}

function domainOfHost(rawHost: string): DomainResult {
  const trimmed = rawHost
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '')
  if (trimmed.startsWith('[') || IPV6.test(trimmed) || IPV4.test(trimmed)) return failure('ip_address')
  // Punycode, so that `müller.de` and `xn--mller-kva.de` (what browsers and mail servers send) agree.
  const host = domainToASCII(trimmed)
  if (host === '' || host.length > 253) return failure('invalid')
  const labels = host.split('.')
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return failure('invalid')
  const parsed = parse(host, TLDTS_OPTIONS)
  if (parsed.isIp) return failure('ip_address')
  if (parsed.domain === null || !(parsed.isIcann || parsed.isPrivate)) return failure('invalid')
  return { domain: parsed.domain }
}

function domainOfAddress(part: string): DomainResult {
  const angled = EMAIL_IN_ANGLES.exec(part)
  const words = (angled === null ? part : angled[1]!).replace(MAILTO, '').trim().split(/\s+/)
  const address = (words.find((word) => word.includes('@')) ?? '').replace(WRAPPING, '')
  const at = address.lastIndexOf('@')
  if (at <= 0 || at === address.length - 1) return failure('invalid')
  return domainOfHost(address.slice(at + 1).split('?')[0]!)
}

function domainOfUrl(candidate: string): DomainResult {
  const text = candidate.replace(WRAPPING, '')
  const afterScheme = text.replace(SCHEME, '')
  if (MAILTO.test(text) || (afterScheme === text && text.includes('@') && !HOST_END.test(text))) {
    return domainOfAddress(text)
  }
  const authority = afterScheme.split(HOST_END)[0]!
  const host = authority.slice(authority.lastIndexOf('@') + 1)
  if (host.startsWith('[')) return failure('ip_address')
  return domainOfHost(host.replace(PORT, ''))
}

// Tries each part of a field that may hold several values; the first domain wins (skipping free
// mail when asked), else the most telling failure.
function firstDomain(
  parts: readonly string[],
  read: (part: string) => DomainResult,
  skipFreeMail: boolean,
): DomainResult {
  let best = failure('invalid')
  for (const part of parts) {
    if (part.trim() === '') continue
    const result = read(part)
    if (result.domain === null) {
      if (result.reason === 'ip_address' && best.reason === 'invalid') best = result
    } else if (!skipFreeMail) {
      return result
    } else if (isFreeMailDomain(result.domain)) {
      best = failure('free_mail')
    } else {
      return result
    }
  }
  return best
}

function isEmptyText(raw: string | null | undefined): raw is null | undefined {
  return raw === null || raw === undefined || EMPTY_WORDS.has(raw.trim().toLowerCase())
}

function readUrls(raw: string | null | undefined, skipFreeMail: boolean): DomainResult {
  if (isEmptyText(raw)) return failure('empty')
  const text = raw.trim().toLowerCase().replace(SPACES_AROUND_DOTS, '.')
  return firstDomain(text.split(LIST_SEPARATORS), domainOfUrl, skipFreeMail)
}

function readEmails(raw: string | null | undefined, skipFreeMail: boolean): DomainResult {
  if (isEmptyText(raw)) return failure('empty')
  return firstDomain(raw.split(EMAIL_SEPARATORS), domainOfAddress, skipFreeMail)
}

/**
 * The registrable domain of a website typed as free text: `https://www.acme.com/`, `www.Acme.io`,
 * `http://shop.acme.co.uk/path?x`, `Acme.com.`, ` acme .com`, `mailto:x@acme.com`. The first usable
 * one when a field lists several. IP addresses, `localhost`, unknown suffixes and garbage give null.
 */
export function registrableDomainFromUrl(raw: string | null | undefined): DomainResult {
  return readUrls(raw, false)
}

/**
 * The registrable domain of an email address (`jane@mail.acme.co.uk` → `acme.co.uk`). Accepts
 * `Name <a@b.com>`, `mailto:`, any case, trailing dots, and several addresses separated by `,` or
 * `;`, of which the first valid one counts.
 */
export function registrableDomainFromEmail(raw: string | null | undefined): DomainResult {
  return readEmails(raw, false)
}

/**
 * Whether a domain (or any host under it) belongs to a free, ISP or disposable mailbox provider:
 * `gmail.com`, `mail.yahoo.co.uk`, `hotmail.fr`, `gmx.de`, `comcast.net`.
 */
export function isFreeMailDomain(domain: string | null | undefined): boolean {
  if (domain === null || domain === undefined) return false
  const host = domainToASCII(domain.trim().toLowerCase().replace(/\.+$/, ''))
  if (host === '') return false
  const parsed = parse(host, TLDTS_OPTIONS)
  if (parsed.domain === null) return false
  return (
    FREE_MAIL_DOMAINS.has(parsed.domain) ||
    (parsed.isIcann === true && FREE_MAIL_BRANDS.has(parsed.domainWithoutSuffix ?? ''))
  )
}

/**
 * The company's domain from an email field: the registrable domain of its first address that is not
 * free mail; `reason: 'free_mail'` when only free-mail addresses are there (`jane@gmail.com`).
 */
export function companyDomainFromEmail(raw: string | null | undefined): DomainResult {
  return readEmails(raw, true)
}

/** The company's domain from a website field, as companyDomainFromEmail (a website of `gmail.com` is none). */
export function companyDomainFromUrl(raw: string | null | undefined): DomainResult {
  return readUrls(raw, true)
}
