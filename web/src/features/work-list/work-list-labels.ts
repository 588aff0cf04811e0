// Words for the work list's fields and its filter (kept in the URL as `?field=`).
import { workListFieldValues } from '../../lib/api-types.ts'
import type { WorkField } from './work-list.ts'

export const WORK_FIELDS: readonly WorkField[] = workListFieldValues

export const WORK_FIELD_LABELS: Record<WorkField, string> = {
  partner_crm_id: 'Partner CRM id',
  review_status: 'Review status',
  stage: 'Stage',
  close_date: 'Target close date',
  aws_account_id: 'AWS account',
  customer_name: 'Customer name',
}

/** The field filter from the URL: a known field, else none (every change). */
export function readFieldFilter(value: string | string[] | undefined): WorkField | undefined {
  const text = Array.isArray(value) ? value[0] : value
  return WORK_FIELDS.find((field) => field === text)
}
