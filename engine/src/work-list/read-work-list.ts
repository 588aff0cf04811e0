// The ACE work list of a tenant: every ACE opportunity approved for POD now (its current decision
// auto_approve, or a person's approval) with what the work-list rules need — the CORE record, the link
// that stands, what the linked Odoo opportunity knows, the newest write-back of that link — then the
// rules applied. One query.
import type { Sql } from '@revops/db'
import type { Tenant } from '../config/load-tenant-config.ts'
import { joinLatestReview } from '../decisions/latest-review.ts'
import { joinStandingLink } from '../match/store/standing-link.ts'
import type { IsoDate } from '../shared/clock.ts'
import {
  WORK_FIELDS,
  type WorkField,
  type WorkItem,
  type WorkListOpportunity,
  type WorkListWriteBack,
  workItemsFor,
} from './work-list-items.ts'

export interface WorkList {
  as_of: IsoDate
  /** ACE opportunities approved for POD (with or without work). */
  approved: number
  /** The tenant's Partner Central write-back; null when it reads no ACE from the Selling API. */
  write_back: WorkListWriteBack | null
  counts: Record<WorkField, number>
  items: WorkItem[]
}

export interface ReadWorkListOptions {
  tenantId: string
  asOf: IsoDate
  writeBack: WorkListWriteBack | null
}

interface Row {
  ace_id: string
  customer_name: string | null
  customer_name_is_placeholder: boolean
  title: string | null
  stage: string | null
  status: string | null
  close_date: string | null
  aws_account_id: string | null
  aws_account_id_raw: string | null
  aws_account_id_status: 'valid' | 'missing' | 'malformed'
  partner_crm_id: string | null
  review_action: 'approve' | null
  lead_id: string | null
  link_reason: 'confirmed' | 'auto_link' | null
  probability: number | null
  odoo_customer_name: string | null
  odoo_aws_accounts: string[] | null
  write_id: string | null
  write_status: string | null
  write_mode: 'dry_run' | 'live' | null
  write_message: string | null
}

/** The tenant's write-back as the work list tells it: null unless ACE comes from the Selling API. */
export function workListWriteBack(tenant: Pick<Tenant, 'config'>): WorkListWriteBack | null {
  const readsSellingApi = Object.values(tenant.config.sources).some(
    (source) => source.kind === 'partnercentral',
  )
  if (!readsSellingApi) return null
  const { enabled, mode, include_auto_links } = tenant.config.write_back
  return { enabled, mode, include_auto_links }
}

export async function readWorkList(sql: Sql, options: ReadWorkListOptions): Promise<WorkList> {
  const { tenantId } = options
  const rows = await sql<Row[]>`
    select a.ace_id, a.customer_name, a.customer_name_is_placeholder, a.title, a.stage, a.status,
           a.close_date::text as close_date, a.aws_account_id, a.aws_account_id_raw, a.aws_account_id_status,
           a.partner_crm_id, v.action as review_action, l.lead_id, l.link_reason, l.probability,
           o.customer_name as odoo_customer_name,
           (select array_agg(distinct x.aws_account_id order by x.aws_account_id) from core.aws_accounts x
            where x.tenant_id = o.tenant_id and x.company_id = o.company_id and x.aws_account_id is not null
              and not x.is_payer) as odoo_aws_accounts,
           w.write_id::text, w.status as write_status, w.mode as write_mode, w.message as write_message
    from ops.current_decisions d
    ${joinLatestReview(sql)}
    join core.ace_opportunities a on a.tenant_id = d.tenant_id and a.ace_id = d.ace_id
    ${joinStandingLink(sql, sql`d.tenant_id`, sql`d.ace_id`)}
    left join core.odoo_opportunities o
      on o.tenant_id = d.tenant_id and l.lead_id ~ '^[0-9]{1,18}$' and o.lead_id = l.lead_id::bigint
    left join lateral (
      select * from ops.partner_central_writes pw
      where pw.tenant_id = d.tenant_id and pw.ace_id = d.ace_id and pw.lead_id = l.lead_id
      order by pw.write_id desc limit 1
    ) w on true
    where d.tenant_id = ${tenantId}
      and (v.action = 'approve' or (v.action is null and d.outcome = 'auto_approve'))
    order by d.ace_id`
  const items = rows.flatMap((row) =>
    workItemsFor(toOpportunity(row), { asOf: options.asOf, writeBack: options.writeBack }),
  )
  const counts = Object.fromEntries(WORK_FIELDS.map((field) => [field, 0])) as Record<WorkField, number>
  for (const item of items) counts[item.field]++
  return { as_of: options.asOf, approved: rows.length, write_back: options.writeBack, counts, items }
}

function toOpportunity(row: Row): WorkListOpportunity {
  return {
    ace_id: row.ace_id,
    customer_name: row.customer_name,
    customer_name_is_placeholder: row.customer_name_is_placeholder,
    title: row.title,
    stage: row.stage,
    status: row.status,
    close_date: row.close_date,
    aws_account_id: row.aws_account_id,
    aws_account_id_raw: row.aws_account_id_raw,
    aws_account_id_status: row.aws_account_id_status,
    partner_crm_id: row.partner_crm_id,
    approved_by: row.review_action === 'approve' ? 'person' : 'rules',
    link: row.lead_id
      ? {
          lead_id: row.lead_id,
          reason: row.link_reason ?? 'auto_link',
          probability: row.probability ?? 0,
          odoo_customer_name: row.odoo_customer_name,
          odoo_aws_accounts: row.odoo_aws_accounts ?? [],
        }
      : null,
    write:
      row.write_id && row.write_status && row.write_mode
        ? {
            write_id: row.write_id,
            status: row.write_status,
            mode: row.write_mode,
            message: row.write_message,
          }
        : null,
  }
}
