// ACT: confirmed links written back to Partner Central — planned from the links, approved by a person,
// run as the `write-back` stage (opt-in per tenant, dry run by default).
export { executeWriteBacks, type WriteRunReport } from './execute-write-backs.ts'
export { planWriteBacks, type WritePlanReport } from './plan-write-backs.ts'
export { buildUpdateRequest } from './update-request.ts'
export { type WriteBackStageReport, writeBackStage } from './write-back-stage.ts'
export {
  approveWriteBacks,
  countWriteBacks,
  type ListWriteBacksFilter,
  listWriteBacks,
  WRITE_STATUSES,
  type WriteBack,
  type WriteStatus,
} from './write-back-store.ts'
