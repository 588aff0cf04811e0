// AWS Partner Central's Selling API: ACE as a source (sync into RAW, read into CORE through the APN
// column mapping), a shared request budget, a local fake for demos and tests, and write-back of
// confirmed links.
export { type ApnFields, apnFieldsFromRecord, recordFromApnRow } from './apn-fields.ts'
export { FAKE_PARTNER_CENTRAL_CREDENTIALS, FakePartnerCentral } from './fake/fake-partner-central.ts'
export { readApnRecords, startLocalFake, stopLocalFakes } from './fake/local-fake.ts'
export type { Catalog, PartnerCentralRecord } from './opportunity-record.ts'
export { type RequestBudget, takeRequest } from './request-budget.ts'
export { openSellingApi, PartnerCentralError, type SellingApi } from './selling-api.ts'
export { executeWriteBacks, type WriteRunReport } from './write-back/execute-write-backs.ts'
export { planWriteBacks, type WritePlanReport } from './write-back/plan-write-backs.ts'
export { buildUpdateRequest } from './write-back/update-request.ts'
export { type WriteBackStageReport, writeBackStage } from './write-back/write-back-stage.ts'
export {
  approveWriteBacks,
  countWriteBacks,
  type ListWriteBacksFilter,
  listWriteBacks,
  WRITE_STATUSES,
  type WriteBack,
  type WriteStatus,
} from './write-back/write-back-store.ts'
