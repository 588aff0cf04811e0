// How hard the demo world is: one rate per real-world phenomenon that makes ACE and Odoo records of the
// same deal look unrelated (or different deals look alike). `easy` is the world the published figures
// were measured on and reproduces it byte for byte: its new phenomena are 0, and a rate of 0 draws no
// random numbers, so every other generator keeps its sequence. `hard` is closer to real partner data.

export interface DemoPhenomena {
  /** Share of companies with deals whose deals come as same-kind siblings (`Phase 2`, `Renewal`), months apart. */
  repeatDeals: number
  /** Share of open ACE opportunities with an Odoo lead whose ACE close date was moved 1–6 months later. */
  aceReforecast: number
  /** Share of ACE opportunities with an Odoo lead whose project_budget is half or double the deal's. */
  amountFactorTwo: number
  /** Share of Odoo companies renamed: ACE has the new name, website and e-mail domain, Odoo the old. */
  rebrands: number
  /** Share of ACE deals registered under a regional division (`Acme Robotics Europe GmbH`, `eu.acme.com`). */
  subsidiaries: number
  /** Share of Odoo leads that are a second lead of a deal already in Odoo (today's duplicate leads). */
  reenteredLeads: number
  /** Share of those second leads entered weeks later by another sales rep, who did not see the first. */
  reentryByOtherRep: number
  /**
   * Share of ACE opportunities whose contact is one of the Odoo company's contacts (the rest name a person
   * Odoo does not know). 0 leaves the ACE builder's own mix, where about three in four are shared.
   */
  sharedContacts: number
  /** Share of ACE opportunities with an Odoo lead that carry its id in partner_crm_unique_identifier. */
  crmIdShare: number
  /** Share of ACE opportunities before Committed that name an AWS account. */
  earlyAccountShare: number
}

export type DemoWorldName = 'easy' | 'hard'

export const DEMO_WORLDS = ['easy', 'hard'] as const satisfies readonly DemoWorldName[]

export const PHENOMENA_PRESETS: Readonly<Record<DemoWorldName, Readonly<DemoPhenomena>>> = {
  easy: {
    repeatDeals: 0,
    aceReforecast: 0,
    amountFactorTwo: 0,
    rebrands: 0,
    subsidiaries: 0,
    reenteredLeads: 0.03,
    reentryByOtherRep: 0,
    sharedContacts: 0,
    crmIdShare: 0.4,
    earlyAccountShare: 0.2,
  },
  hard: {
    repeatDeals: 0.35,
    aceReforecast: 0.4,
    amountFactorTwo: 0.25,
    rebrands: 0.08,
    subsidiaries: 0.08,
    // About 8 % of the linked deals: seven in ten second leads are of deals registered in ACE.
    reenteredLeads: 0.08,
    reentryByOtherRep: 0.9,
    sharedContacts: 0.7,
    // Linked deals are about four in five ACE rows, so about one ACE row in ten carries a CRM id.
    crmIdShare: 0.12,
    earlyAccountShare: 0.1,
  },
}

export const PHENOMENA_KEYS = Object.keys(PHENOMENA_PRESETS.easy) as (keyof DemoPhenomena)[]

/** A preset with some rates overridden. */
export function resolvePhenomena(
  world: DemoWorldName,
  overrides: Partial<DemoPhenomena> = {},
): DemoPhenomena {
  return { ...PHENOMENA_PRESETS[world], ...overrides }
}

/**
 * Rates as typed on a command line: `rebrands=0.2,repeatDeals=0.5`. Names are checked here (a typo is
 * named); the values are checked with the other seed options.
 */
export function parseRates(text: string): Partial<DemoPhenomena> {
  const rates: Partial<DemoPhenomena> = {}
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value, ...rest] = part.split('=')
    if (!name || value === undefined || rest.length > 0 || value.trim() === '')
      throw new Error(`rates are name=value pairs separated by commas, got "${part}"`)
    if (!(PHENOMENA_KEYS as string[]).includes(name.trim()))
      throw new Error(`unknown rate "${name.trim()}"; the rates are ${PHENOMENA_KEYS.join(', ')}`)
    rates[name.trim() as keyof DemoPhenomena] = Number(value)
  }
  return rates
}
