// Subsidiaries and divisions: a regional arm of an Odoo customer registers the deal in ACE under its own
// legal name, country and city (`Acme Robotics Europe GmbH`, Berlin) and on a sub-domain (eu.acme.com) or
// a domain of its own (acmerobotics.de), while Odoo knows only the parent (`Acme Robotics Inc.`).
import { domainFor } from './customer-domains.ts'
import type { Company, Deal } from './demo-world.ts'
import { type City, OTHER_CITIES, US_CITIES } from './geography.ts'
import type { Random } from './random.ts'

interface Region {
  tail: string
  country: string
  suffix: string
  tld: string
  /** The sub-domain label a parent gives the region. */
  sub: string
}

const REGIONS: readonly Region[] = [
  { tail: 'Europe', country: 'DE', suffix: 'GmbH', tld: 'de', sub: 'eu' },
  { tail: 'Deutschland', country: 'DE', suffix: 'GmbH', tld: 'de', sub: 'de' },
  { tail: 'UK', country: 'GB', suffix: 'Ltd', tld: 'co.uk', sub: 'uk' },
  { tail: 'France', country: 'FR', suffix: 'SAS', tld: 'fr', sub: 'fr' },
  { tail: 'Benelux', country: 'NL', suffix: 'B.V.', tld: 'nl', sub: 'nl' },
  { tail: 'Nordic', country: 'SE', suffix: 'AB', tld: 'se', sub: 'nordics' },
  { tail: 'Iberia', country: 'ES', suffix: 'S.L.', tld: 'es', sub: 'es' },
  { tail: 'Canada', country: 'CA', suffix: 'Inc.', tld: 'ca', sub: 'ca' },
  { tail: 'US', country: 'US', suffix: 'Inc.', tld: 'com', sub: 'us' },
]

export interface Division {
  name: string
  country: string
  city: City
  domain: string
}

/** A division for a `rate` share of the ACE deals of Odoo customers (both registrations of a deal share it). */
export function planDivisions(
  random: Random,
  deals: readonly Deal[],
  rate: number,
  taken: Set<string>,
): Map<Deal, Division> {
  const divisions = new Map<Deal, Division>()
  if (rate <= 0) return divisions
  for (const deal of deals) {
    if (!deal.inAce || !deal.company.inOdoo || !random.chance(rate)) continue
    divisions.set(deal, makeDivision(random, deal.company, taken))
  }
  return divisions
}

function makeDivision(random: Random, company: Company, taken: Set<string>): Division {
  const region = random.pick(REGIONS.filter((r) => r.country !== company.country))
  const local = region.country === 'US' ? US_CITIES : OTHER_CITIES.filter((c) => c.country === region.country)
  const domain =
    company.domain && random.chance(0.5)
      ? `${region.sub}.${company.domain}`
      : domainFor(random, company.baseName, region.tld, taken)
  return {
    name: `${company.baseName} ${region.tail} ${region.suffix}`,
    country: region.country,
    city: random.pick(local.length > 0 ? local : US_CITIES),
    domain,
  }
}
