// The ACE work list: for every ACE opportunity approved for POD, the changes the partner still has to
// make in ACE (partner CRM id, review status, stage, close date, AWS account, customer name), and why.
export { readWorkList, type WorkList, workListWriteBack } from './read-work-list.ts'
export { WORK_LIST_CSV_COLUMNS, workListCsv } from './work-list-csv.ts'
export { ACE_FIELD_NAMES, WORK_FIELDS, type WorkField, type WorkItem } from './work-list-items.ts'
