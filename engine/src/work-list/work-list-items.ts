// The ACE work list's rules (pure): for an ACE opportunity approved for POD, the changes the partner still
// has to make in ACE — each a field, its value now, the value it should have and why. Derived from the
// CORE record, the link that stands (and what the linked Odoo opportunity knows) and, for the partner CRM
// id, the write-back that drafts that change when the tenant has one.
import type { IsoDate } from '../shared/clock.ts'

export const WORK_FIELDS = [
  'partner_crm_id',
  'review_status',
  'stage',
  'close_date',
  'aws_account_id',
  'customer_name',
] as const
export type WorkField = (typeof WORK_FIELDS)[number]

/** The field's name in Partner Central's Selling API, where the partner changes it. */
export const ACE_FIELD_NAMES: Record<WorkField, string> = {
  partner_crm_id: 'PartnerOpportunityIdentifier',
  review_status: 'LifeCycle.ReviewStatus',
  stage: 'LifeCycle.Stage',
  close_date: 'LifeCycle.TargetCloseDate',
  aws_account_id: 'Customer.Account.AwsAccountId',
  customer_name: 'Customer.Account.CompanyName',
}

/** Stages after which an opportunity is no longer open. */
const CLOSED_STAGES = new Set(['Launched', 'Closed Lost'])
/** Review statuses that mean the partner has not (re)submitted the opportunity to AWS. */
const NOT_SUBMITTED = new Set(['Draft', 'Pending Submission'])
const ACTION_REQUIRED = 'Action Required'

export interface WorkListWrite {
  write_id: string
  status: string
  mode: 'dry_run' | 'live'
  message: string | null
}

export interface WorkListOpportunity {
  ace_id: string
  customer_name: string | null
  customer_name_is_placeholder: boolean
  title: string | null
  stage: string | null
  status: string | null
  close_date: IsoDate | null
  aws_account_id: string | null
  aws_account_id_raw: string | null
  aws_account_id_status: 'valid' | 'missing' | 'malformed'
  partner_crm_id: string | null
  /** Approved by the rules (auto_approve) or by a person. */
  approved_by: 'rules' | 'person'
  link: {
    lead_id: string
    reason: 'confirmed' | 'auto_link'
    probability: number
    /** The linked Odoo opportunity's customer, and the valid AWS accounts of its company. */
    odoo_customer_name: string | null
    odoo_aws_accounts: string[]
  } | null
  /** The newest write-back of this opportunity for the linked id, when there is one. */
  write: WorkListWrite | null
}

export interface WorkListWriteBack {
  enabled: boolean
  mode: 'dry_run' | 'live'
  include_auto_links: boolean
}

export interface WorkListOptions {
  asOf: IsoDate
  /** The tenant's Partner Central write-back, when it reads ACE from the Selling API; else null. */
  writeBack: WorkListWriteBack | null
}

export interface WorkItem {
  ace_id: string
  customer: string | null
  title: string | null
  /** Who approved the opportunity for POD: the rules (auto_approve) or a person. */
  approved_by: 'rules' | 'person'
  field: WorkField
  ace_field: string
  current: string | null
  expected: string | null
  why: string
  /** For the partner CRM id when write-back is configured: this item is the write-back's draft. */
  write_back: { draft: true; mode: 'dry_run' | 'live'; write: WorkListWrite | null } | null
}

type WorkItemChange = Omit<WorkItem, 'ace_id' | 'customer' | 'title' | 'approved_by' | 'field' | 'ace_field'>

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function linkWords(link: NonNullable<WorkListOpportunity['link']>): string {
  return link.reason === 'confirmed'
    ? 'confirmed by a person'
    : `auto-linked with probability ${Math.round(link.probability * 1000) / 10}%`
}

function partnerCrmItem(o: WorkListOpportunity, options: WorkListOptions): WorkItemChange | null {
  const current = o.partner_crm_id?.trim() || null
  if (!o.link) {
    if (current) return null
    return {
      current: null,
      expected: null,
      why: 'No Odoo opportunity is linked: confirm its match on the POD review, then set the partner CRM id to the Odoo opportunity id.',
      write_back: null,
    }
  }
  if (current === o.link.lead_id) return null
  const linked = `Odoo opportunity ${o.link.lead_id} is ${linkWords(o.link)}`
  let why = current
    ? `ACE names ${current} as the partner CRM id, but ${linked}.`
    : `${linked}, and ACE has no partner CRM id.`
  const writeBack = options.writeBack
  let draft: WorkItem['write_back'] = null
  if (writeBack?.enabled) {
    if (o.link.reason === 'auto_link' && !writeBack.include_auto_links) {
      why +=
        ' Write-back writes confirmed links only (include_auto_links is off): confirm the match to have it written.'
    } else {
      draft = { draft: true, mode: writeBack.mode, write: o.write }
      why += o.write
        ? ` This is the write-back's draft (write #${o.write.write_id}, ${o.write.status.replace('_', ' ')}).`
        : ' The write-back drafts this change at its next run.'
    }
  }
  return { current, expected: o.link.lead_id, why, write_back: draft }
}

/** The changes one approved ACE opportunity still needs in ACE, in WORK_FIELDS order. */
export function workItemsFor(o: WorkListOpportunity, options: WorkListOptions): WorkItem[] {
  const items: WorkItem[] = []
  const add = (field: WorkField, item: WorkItemChange) =>
    items.push({
      ace_id: o.ace_id,
      customer: o.customer_name,
      title: o.title,
      approved_by: o.approved_by,
      field,
      ace_field: ACE_FIELD_NAMES[field],
      ...item,
    })
  const plain = (current: string | null, expected: string | null, why: string) => ({
    current,
    expected,
    why,
    write_back: null,
  })

  const crm = partnerCrmItem(o, options)
  if (crm) add('partner_crm_id', crm)

  if (o.status && NOT_SUBMITTED.has(o.status))
    add(
      'review_status',
      plain(
        o.status,
        'Submitted',
        'Not submitted to AWS yet: submit it for AWS’s review (POD needs an opportunity AWS approved).',
      ),
    )
  else if (o.status === ACTION_REQUIRED)
    add(
      'review_status',
      plain(
        o.status,
        'Submitted',
        'AWS asked for changes (Action Required): make them and submit the opportunity again.',
      ),
    )

  const open = !o.stage || !CLOSED_STAGES.has(o.stage)
  if (open && o.close_date && o.close_date < options.asOf) {
    const days = daysBetween(o.close_date, options.asOf)
    const ago = `${days} ${days === 1 ? 'day' : 'days'} ago`
    add(
      'stage',
      plain(
        o.stage,
        'Launched',
        `The target close date ${o.close_date} passed ${ago} but the stage is ${o.stage ?? 'empty'}: set Launched once the workload runs on AWS (POD is paid on launched opportunities).`,
      ),
    )
    add(
      'close_date',
      plain(
        o.close_date,
        `on or after ${options.asOf}`,
        `The opportunity is open but its target close date passed ${ago}: if it has not launched, move the date to when it will.`,
      ),
    )
  } else if (open && !o.close_date) {
    add(
      'close_date',
      plain(
        null,
        `on or after ${options.asOf}`,
        'The opportunity is open and has no target close date: set the date it is expected to launch.',
      ),
    )
  }

  if (o.aws_account_id_status !== 'valid') {
    const accounts = o.link?.odoo_aws_accounts ?? []
    const expected = accounts.length === 1 ? accounts[0]! : null
    const hint =
      accounts.length === 1
        ? ` The linked Odoo opportunity's customer has one AWS account: ${accounts[0]}.`
        : accounts.length > 1
          ? ` The linked Odoo opportunity's customer has ${accounts.length} AWS accounts (${accounts.join(', ')}): name the one this opportunity runs on.`
          : ''
    const why =
      o.aws_account_id_status === 'missing'
        ? `ACE names no AWS account, so spend cannot be checked.${hint}`
        : `"${o.aws_account_id_raw}" is not a 12-digit AWS account id.${hint}`
    add('aws_account_id', plain(o.aws_account_id_raw, expected, why))
  }

  if (o.customer_name_is_placeholder || !o.customer_name?.trim()) {
    const expected = o.link?.odoo_customer_name ?? null
    add(
      'customer_name',
      plain(
        o.customer_name,
        expected,
        `ACE has ${o.customer_name?.trim() ? 'a placeholder' : 'no'} customer name${expected ? `; the linked Odoo opportunity's customer is ${expected}` : ''}.`,
      ),
    )
  }
  return items
}
