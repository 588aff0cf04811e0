// Opportunity titles and descriptions. A lead title and its ACE project title describe the same work in
// different words, as two people typing into two systems would.
import type { Company, Deal } from './demo-world.ts'
import { stripAccents } from './name-variants.ts'
import type { Random } from './random.ts'
import { GENERIC_TITLES } from './workloads.ts'

/** How people shorten a company name in a title: `Apex Dental`, `Apex`, `ADG`. */
export function shortCompanyLabel(random: Random, company: Company): string {
  const words = company.baseName
    .replace(/,.*$/, '')
    .split(' ')
    .filter((word, i) => !(i === 0 && ['City', 'Groupe', 'Société', 'The'].includes(word)))
    .filter((word) => !['of', 'de', 'der', 'van', 'von', '&', 'and'].includes(word.toLowerCase()))
  return random.weighted<string>([
    [words.slice(0, 2).join(' '), 45],
    [words[0] ?? company.baseName, 30],
    [company.baseName, 15],
    [company.acronym ?? words.slice(0, 2).join(' '), company.acronym ? 10 : 0],
    [stripAccents(words.slice(0, 2).join(' ')), 5],
  ])
}

function phrase(random: Random, deal: Deal): string {
  return random.pick(deal.workload.phrases)
}

/** The crm_lead.name an account manager gives the deal. */
export function makeLeadTitle(random: Random, deal: Deal): string {
  const work = phrase(random, deal)
  const label = shortCompanyLabel(random, deal.company)
  const qualifier = deal.qualifier ? ` ${deal.qualifier}` : ''
  const title = random.weighted<string>([
    [`${label} - ${work}${qualifier}`, 34],
    [`${work}${qualifier}`, 24],
    [`${work} (${label})`, 10],
    [`${label} ${work}${qualifier}`, 12],
    [`${label}: ${work}`, 8],
    [`${label} / ${work} / ${deal.workload.deliveryModel}`, 4],
    [`${work} opportunity`, 3],
    [`${label}'s opportunity`, 2],
    [`${label} - ${random.pick(GENERIC_TITLES)}`, 3],
  ])
  return random.chance(0.04) ? title.toLowerCase() : title
}

/** The ACE partner_project_title: related to the lead title, rarely identical. */
export function makeAceTitle(
  random: Random,
  deal: Deal,
  leadTitle: string | null,
  /** The customer name as entered on the same ACE record. */
  customerName: string,
): { title: string; tag: string } {
  const label = shortCompanyLabel(random, deal.company)
  const qualifier = deal.qualifier && random.chance(0.6) ? ` ${deal.qualifier}` : ''
  const kind = random.weighted<string>([
    ['same', leadTitle ? 8 : 0],
    ['no_company', leadTitle ? 18 : 0],
    ['rephrased', 34],
    ['aws_style', 16],
    ['generic', 8],
    ['program', 10],
  ])
  const work = phrase(random, deal)
  switch (kind) {
    case 'same':
      return { title: leadTitle as string, tag: 'title:same' }
    case 'no_company': {
      const stripped = (leadTitle as string)
        .replace(new RegExp(`^${escapeRegExp(label)}\\s*[-:/]?\\s*`, 'i'), '')
        .replace(/\s*\([^)]*\)$/, '')
      return { title: stripped.length > 3 ? stripped : `${work}${qualifier}`, tag: 'title:company_dropped' }
    }
    case 'rephrased':
      return {
        title: random.chance(0.5) ? `${label} - ${work}${qualifier}` : `${work}${qualifier}`,
        tag: 'title:rephrased',
      }
    case 'aws_style':
      return { title: `${customerName} | ${deal.workload.useCase}`, tag: 'title:use_case' }
    case 'generic':
      return {
        title: random.chance(0.5) ? random.pick(GENERIC_TITLES) : `${label} ${random.pick(GENERIC_TITLES)}`,
        tag: 'title:generic',
      }
    default:
      return {
        title: `${label} ${random.pick(['MAP', 'POC', 'Migrate', 'Modernize', 'GenAI Accelerator'])} - ${work}`,
        tag: 'title:program',
      }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** How free text refers to the customer: never more exact than the people who typed the record. */
function customerLabel(random: Random, deal: Deal): string {
  return random.weighted<string>([
    [shortCompanyLabel(random, deal.company), 60],
    ['The customer', 25],
    ['Client', 15],
  ])
}

/** crm_lead.description: HTML from Odoo's editor, sometimes pasted email text. */
export function makeLeadDescription(random: Random, deal: Deal): string | null {
  if (random.chance(0.25)) return null
  const spend = String(deal.monthlyBudget).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const parts = [
    `<p>${customerLabel(random, deal)} wants to ${random.pick(['move', 'migrate', 'modernise', 'consolidate', 'rebuild'])} ${random.pick(['their core platform', 'legacy workloads', 'the data warehouse', 'customer-facing apps', 'internal tools'])} on AWS.</p>`,
    `<ul><li>Estimated AWS spend: ~$${spend}/month</li><li>Use case: ${deal.workload.useCase}</li></ul>`,
  ]
  if (random.chance(0.3))
    parts.push(`<p>Contact: ${deal.contact ? `${deal.contact.first} ${deal.contact.last}` : 'tbd'}</p>`)
  if (random.chance(0.15)) parts.push('<p><br></p><p>-- forwarded from website form --</p>')
  return parts.join('')
}

/** ACE project_description_business_need (plain text, at least a sentence). */
export function makeBusinessNeed(random: Random, deal: Deal): string {
  return [
    `${customerLabel(random, deal)} ${random.pick(['needs to', 'plans to', 'is looking to', 'has asked us to'])} ${random.pick(['migrate', 'modernize', 'build', 'optimize', 'secure'])} ${random.pick(['its on-premises workloads', 'a new customer platform', 'analytics and reporting', 'its contact center', 'end-user computing'])}.`,
    `Expected AWS consumption around $${deal.monthlyBudget} per month.`,
    random.chance(0.5)
      ? `Drivers: ${random.pick(['data center lease renewal', 'hardware end of life', 'cost reduction', 'new product launch', 'compliance requirements'])}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ')
}

export const NEXT_STEPS = [
  'Schedule technical deep dive',
  'Send SOW for signature',
  'Waiting on customer PO',
  'Architecture review with AWS SA',
  'Kick-off meeting booked',
  'Customer evaluating proposal',
  'MAP funding request submitted',
  'Follow up after holidays',
  'Migration wave 1 in progress',
  'Launched - monitoring spend',
  'Pricing call with AWS',
  'Security review pending',
] as const
