// Orchestration — the pipeline: RAW → CORE → SEARCH → MATCH → RULES in order, as one stage.
export { coreStage, createPipelineStage } from './pipeline-stages.ts'
