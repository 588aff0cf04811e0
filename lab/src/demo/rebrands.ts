// Rebrands: the customer renamed itself and moved to a new domain. ACE, registered from what the customer
// says today, has the new name, website and e-mails; Odoo still has the old ones. What still links the
// two is the AWS account, the contact person, the sales rep, the timing and the deal itself.
import { draftCompanyName } from './company-names.ts'
import { domainFor, topLevel } from './customer-domains.ts'
import type { Company } from './demo-world.ts'
import { stripAccents, withSuffix } from './name-variants.ts'
import type { Random } from './random.ts'

export interface Rebrand {
  baseName: string
  suffix: string | null
  name: string
  domain: string
}

/** New identities for a `rate` share of the Odoo companies that have a domain, by company key. */
export function planRebrands(
  random: Random,
  companies: readonly Company[],
  rate: number,
): Map<string, Rebrand> {
  const rebrands = new Map<string, Rebrand>()
  if (rate <= 0) return rebrands
  const key = (name: string) =>
    stripAccents(name)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  const names = new Set(
    companies.flatMap((c) => [key(c.baseName), ...(c.formerName ? [key(c.formerName)] : [])]),
  )
  const domains = new Set(companies.flatMap((c) => (c.domain ? [c.domain] : [])))
  const candidates = companies.filter((c) => c.inOdoo && c.domain)
  for (const company of random.sample(candidates, Math.round(candidates.length * rate))) {
    // Public bodies do not rebrand into firms, nor firms into public bodies.
    let draft = draftCompanyName(random)
    for (let attempt = 0; attempt < 20 && (draft.institution || names.has(key(draft.baseName))); attempt++)
      draft = draftCompanyName(random)
    const baseName = draft.baseName
    names.add(key(baseName))
    // A rebrand keeps the legal form and the country's top-level domain.
    const domain = domainFor(random, baseName, topLevel(company.domain as string), domains)
    rebrands.set(company.key, {
      baseName,
      suffix: company.suffix,
      name: withSuffix(baseName, company.suffix),
      domain,
    })
  }
  return rebrands
}
