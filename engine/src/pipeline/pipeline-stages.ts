// The stages of the pipeline, in order. Later stages (embed, match, rules) are appended here.
import { matchStage } from './match-stage.ts'
import { normalizeStage } from './normalize-stage.ts'
import type { PipelineStage } from './pipeline-stage.ts'
import { syncStage } from './sync-stage.ts'

export const PIPELINE_STAGES: PipelineStage[] = [syncStage, normalizeStage, matchStage]
