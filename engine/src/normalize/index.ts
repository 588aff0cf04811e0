// CORE: normalising RAW into core.* (the normalize stage) and the ACE picklists.
export { ACE_OWNERSHIPS, ACE_STAGES } from './ace-picklists.ts'
export type { NormalizeStageReport } from './normalize-stage.ts'
export { normalizeTenant } from './stage/normalize-tenant.ts'
