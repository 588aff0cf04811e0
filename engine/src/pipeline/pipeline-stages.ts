// The stages of the pipeline, in order: RAW -> CORE -> SEARCH -> MATCH -> RULES.
import type { Embedder } from '../embed/embedder.ts'
import { createEmbedStage } from './embed-stage.ts'
import { matchStage } from './match-stage.ts'
import { normalizeStage } from './normalize-stage.ts'
import type { PipelineStage } from './pipeline-stage.ts'
import { rulesStage } from './rules-stage.ts'
import { syncStage } from './sync-stage.ts'

export interface PipelineStagesOptions {
  /** The embedder the SEARCH stage uses (created per run and closed after it). */
  acquireEmbedder: () => Promise<Embedder>
}

export function createPipelineStages(options: PipelineStagesOptions): PipelineStage[] {
  return [syncStage, normalizeStage, createEmbedStage(options.acquireEmbedder), matchStage, rulesStage]
}
