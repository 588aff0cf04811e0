// ACE picklist values and the small helpers that produce APN-style ids and people.
import type { Random } from './random.ts'

export const ACE_STAGES_OPEN = [
  'Prospect',
  'Qualified',
  'Technical Validation',
  'Business Validation',
  'Committed',
] as const

export const CLOSED_LOST_REASONS = [
  'Customer Deficiency',
  'Delay / Cancellation of Project',
  'Legal / Tax / Regulatory',
  'Lost to Competitor - Google',
  'Lost to Competitor - Microsoft',
  'Lost to Competitor - Other',
  'No Opportunity',
  'On Premises Deployment',
  'Partner Gap',
  'Price',
  'Security / Compliance',
  'Technical Limitations',
  'Other',
] as const

export const PRIMARY_NEEDS = [
  'Co-Sell - Architectural Validation',
  'Co-Sell - Business Presentation',
  'Co-Sell - Competitive Information',
  'Co-Sell - Pricing Assistance',
  'Co-Sell - Technical Consultation',
  'Co-Sell - Total Cost of Ownership Evaluation',
  'Co-Sell - Deal Support',
  'Do Not Need Support from AWS Sales Rep',
] as const

export const DELIVERY_MODELS = [
  'SaaS or PaaS',
  'BYOL or AMI',
  'Managed Services',
  'Professional Services',
  'Resell',
  'Other',
] as const

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A Salesforce-style 18-character id (`005…`, `a0k…`), as APN tables other than opportunity use. */
export function salesforceId(random: Random, prefix: string): string {
  let id = `${prefix}${random.pick(['3t', '5e', '8W', '2R'])}00000`
  while (id.length < 18) id += ALPHANUMERIC[random.int(0, ALPHANUMERIC.length - 1)]
  return id
}

/** `jordan.blake@amazon.com` or the login alias form `jblake@amazon.com`. */
export function amazonEmail(random: Random, name: string): string {
  const [first = '', last = ''] = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ')
  return random.chance(0.5) ? `${first}.${last}@amazon.com` : `${first[0]}${last}@amazon.com`
}
