// The pipeline: every stage in order, RAW → CORE → SEARCH → MATCH → RULES → ACT (write-back), as one stage of its own (so the
// worker, the CLI and the tests run it like any other).
import { z } from 'zod'
import { rollupsStage } from '../billing/rollups-stage.ts'
import { decideStage } from '../decisions/decide-stage.ts'
import { createEmbedStage } from '../embed/embed-stage.ts'
import type { Embedder } from '../embed/embedder.ts'
import { syncStage } from '../ingest/sync-stage.ts'
import { matchStage } from '../match/match-stage.ts'
import { normalizeStage } from '../normalize/normalize-stage.ts'
import { defineStage, type Stage } from '../stage/stage.ts'
import { writeBackStage } from '../write-back/write-back-stage.ts'
import { type PipelineReport, type PipelineStep, runPipeline, step } from './run-pipeline.ts'

export interface PipelineOptions {
  /** The embedder the SEARCH stage uses (created per run and closed after it). */
  acquireEmbedder: () => Promise<Embedder>
}

/** CORE as one stage: normalisation, then the billing rollups that follow it (`revops normalize`). */
export const coreStage = defineStage({
  name: 'normalize',
  description: 'normalise changed RAW rows into core.*, then rebuild the billing rollups they changed',
  options: z.object({ full: z.boolean().default(false) }),
  run: (context, options) =>
    runPipeline(context, [step(normalizeStage, options), step(rollupsStage, options)]),
})

/** Every stage in order, with the options of a scheduled run. */
export function pipelineSteps(options: PipelineOptions): PipelineStep[] {
  return [
    step(syncStage, { mode: 'incremental' }),
    step(normalizeStage),
    step(rollupsStage),
    step(createEmbedStage(options.acquireEmbedder)),
    step(matchStage, { mode: 'auto' }),
    step(decideStage, { publishConfigured: true }),
    step(writeBackStage),
  ]
}

/** The whole pipeline as a stage. */
export function createPipelineStage(
  options: PipelineOptions,
): Stage<Record<string, unknown>, PipelineReport> {
  return defineStage({
    name: 'pipeline',
    description: 'every stage in order: sync → normalize → rollups → embed → match → decide → write-back',
    options: z.object({}).loose(),
    run: (context) => runPipeline(context, pipelineSteps(options)),
  })
}
