// The ACE work list as CSV: the same items as the JSON, one change per row, with the write-back's state
// where it drafts the change and the as-of date on every row.
import { type CsvCell, csvField } from '../shared/csv.ts'
import type { WorkList } from './read-work-list.ts'

export const WORK_LIST_CSV_COLUMNS = [
  'ace_id',
  'customer',
  'title',
  'approved_by',
  'field',
  'ace_field',
  'current_value',
  'expected_value',
  'why',
  'write_back_draft',
  'write_id',
  'write_status',
  'write_mode',
  'as_of',
] as const

const TEXT_COLUMNS = new Set<string>(['customer', 'title', 'current_value', 'expected_value', 'why'])

export function workListCsv(list: WorkList): string {
  const text = WORK_LIST_CSV_COLUMNS.map((column) => TEXT_COLUMNS.has(column))
  const rows: CsvCell[][] = list.items.map((item) => [
    item.ace_id,
    item.customer,
    item.title,
    item.approved_by,
    item.field,
    item.ace_field,
    item.current,
    item.expected,
    item.why,
    item.write_back !== null,
    item.write_back?.write?.write_id ?? null,
    item.write_back?.write?.status ?? null,
    item.write_back?.mode ?? null,
    list.as_of,
  ])
  const lines = [
    WORK_LIST_CSV_COLUMNS.join(','),
    ...rows.map((row) => row.map((cell, index) => csvField(cell, text[index])).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}
