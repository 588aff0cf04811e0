// The pipeline: every stage in order, as one stage.
export { coreStage, createPipelineStage } from './pipeline-stages.ts'
