// AWS Partner Central's Selling API as the product uses it: the client (paid for from a request budget
// shared through the database), the one mapping between its records and the APN columns, and a local
// fake for demos and tests. The sync is ingest's, the write-back write-back's.
export { type ApnFields, apnFieldsFromRecord, recordFromApnRow } from './apn-fields.ts'
export { FAKE_PARTNER_CENTRAL_CREDENTIALS, FakePartnerCentral } from './fake/fake-partner-central.ts'
export { readApnRecords, startLocalFake, stopLocalFakes } from './fake/local-fake.ts'
export type { Catalog, PartnerCentralRecord } from './opportunity-record.ts'
export { type RequestBudget, takeRequest } from './request-budget.ts'
export { openSellingApi, PartnerCentralError, type SellingApi } from './selling-api.ts'
