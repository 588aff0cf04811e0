// How an ACE record's fields drift from the Odoo side: the company name, stage, close date, account id
// and CRM id as partner and AWS staff retype them. Each drift is tagged for the ground-truth note.

import type { AceContext } from './ace-context.ts'
import { ACE_STAGES_OPEN } from './ace-values.ts'
import type { AwsAccount, Deal } from './demo-world.ts'
import { aceAccountForm } from './generate-accounts.ts'
import { varyCompanyName } from './name-variants.ts'
import type { Random } from './random.ts'

export function aceCompanyName(random: Random, deal: Deal, context: AceContext, tags: string[]): string {
  const company = deal.company
  const parent = company.parentKey ? context.companies.get(company.parentKey) : undefined
  if (parent && random.chance(0.25)) {
    tags.push('name:parent_name')
    return varyCompanyName(random, parent).name
  }
  if (deal.contact && random.chance(0.012)) {
    tags.push('name:person')
    return `${deal.contact.first} ${deal.contact.last}`
  }
  if (random.chance(0.006)) {
    tags.push('name:placeholder')
    return random.pick(['TBD', 'n/a', 'Customer', 'test'])
  }
  const variant = varyCompanyName(random, company)
  tags.push(...variant.tags.map((t) => `name:${t}`))
  return variant.name
}

export function aceStage(random: Random, deal: Deal): string {
  if (deal.outcome === 'won')
    return random.weighted([
      ['Launched', 82],
      ['Committed', 15],
      ['Business Validation', 3],
    ])
  if (deal.outcome === 'lost')
    return random.weighted([
      ['Closed Lost', 80],
      ['Qualified', 10],
      ['Prospect', 10],
    ])
  return random.weighted(ACE_STAGES_OPEN.map((stage, i) => [stage, [20, 30, 22, 15, 13][i] ?? 10] as const))
}

export function awsStatus(stage: string): string {
  return (
    (
      {
        Launched: 'Launched',
        'Closed Lost': 'Closed Lost',
        Committed: 'Committed',
        Prospect: 'Engaged',
      } as Record<string, string>
    )[stage] ?? 'Qualified'
  )
}

export function aceCloseDay(random: Random, deal: Deal, tags: string[]): number {
  if (!deal.inOdoo) return deal.closeDay
  const drift = random.weighted<string>([
    ['exact', 15],
    ['days', 50],
    ['weeks', 25],
    ['stale', 10],
  ])
  tags.push(`close_date:${drift}`)
  if (drift === 'exact') return deal.closeDay
  if (drift === 'days') return deal.closeDay + Math.round(random.normal(0, 8))
  if (drift === 'weeks') return deal.closeDay + random.pick([-1, 1]) * random.int(15, 75)
  return deal.closeDay + random.int(-90, 120)
}

export function awsAccount(
  random: Random,
  deal: Deal,
  stage: string,
  context: AceContext,
  tags: string[],
): string | null {
  const live = stage === 'Launched' || stage === 'Committed'
  if (!random.chance(live ? 0.75 : context.earlyAccountShare)) {
    tags.push('account:none')
    return null
  }
  const owned = (context.accountsByCompany.get(deal.company.key) ?? []).filter((a) => !a.isPayer)
  const payer = (context.accountsByCompany.get(deal.company.key) ?? []).find((a) => a.isPayer)
  const choice = random.weighted<string>([
    ['primary', owned.length > 0 ? 65 : 0],
    ['other', owned.length > 1 ? 20 : 0],
    ['payer', payer ? 4 : 0],
    ['unregistered', 10],
    ['wrong_company', 1],
  ])
  let number: string
  if (choice === 'primary') number = (owned[0] as AwsAccount).number
  else if (choice === 'other') number = random.pick(owned.slice(1)).number
  else if (choice === 'payer') number = (payer as AwsAccount).number
  else if (choice === 'wrong_company') number = random.pick(context.allAccounts).number
  else number = `${random.int(1, 9)}${String(random.int(0, 99_999_999_999)).padStart(11, '0')}`
  tags.push(`account:${choice}`)
  const shown = aceAccountForm(random, number)
  if (shown !== number) tags.push('account:dashes')
  return shown
}

export function crmIdentifier(
  random: Random,
  deal: Deal,
  duplicate: boolean,
  context: AceContext,
  tags: string[],
): string | null {
  const share =
    deal.kind === 'aws_referral_matched'
      ? 0.1
      : deal.inOdoo
        ? context.crmIdShare
        : deal.kind === 'ace_only_partner'
          ? 0.05
          : 0
  if (deal.leadId === null && deal.kind !== 'ace_only_partner') return null
  if (!random.chance(share) || (duplicate && random.chance(0.5))) return null
  if (deal.leadId === null) {
    tags.push('crm_id:wrong')
    return String(random.int(100, 2000))
  }
  if (!random.chance(0.05)) {
    tags.push('crm_id:set')
    return String(deal.leadId)
  }
  const how = random.weighted<string>([
    ['deleted', context.deletedLeadIds.length > 0 ? 40 : 0],
    ['duplicate', deal.duplicateLeadId !== null ? 20 : 0],
    ['typo', 40],
  ])
  tags.push(`crm_id:stale_${how}`)
  if (how === 'deleted') return String(random.pick(context.deletedLeadIds))
  if (how === 'duplicate') return String(deal.duplicateLeadId)
  const digits = String(deal.leadId)
  const swapped = `${digits.slice(0, -2)}${digits.at(-1)}${digits.at(-2)}`
  return swapped !== digits ? swapped : `${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 10}`
}
