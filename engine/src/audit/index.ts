// The audit log: who did what, when — appended by every feature, read by the API.
export { listAuditEvents } from './audit-events.ts'
