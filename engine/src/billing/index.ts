// Billing (CORE → the Cost Explorer): monthly rollups, their stage, and the reads and CSV of cost against invoices.
export { breakdownCsv, summaryCsv, timeseriesCsv } from './billing-csv.ts'
export {
  BILLING_GROUPS,
  BREAKDOWN_SORTS,
  COST_BASES,
  GRANULARITIES,
  INVOICE_BASES,
} from './billing-options.ts'
export { readBillingStamp } from './billing-stamp.ts'
export { readBillingAccounts } from './read-billing-accounts.ts'
export { readBillingBreakdown } from './read-billing-breakdown.ts'
export { readBillingSummary } from './read-billing-summary.ts'
export { readBillingTimeseries } from './read-billing-timeseries.ts'
export { refreshBillingRollups } from './refresh-billing-rollups.ts'
export { rollupsStage } from './rollups-stage.ts'
