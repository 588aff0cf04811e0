// Foundation — the audit log: who did what, when; appended by every feature, read by the API.
export { type AuditEvent, type AuditEventInput, listAuditEvents, recordAuditEvent } from './audit-events.ts'
