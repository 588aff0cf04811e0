// Runs the stages in order; a stage that fails stops the run (later stages would read stale input).
import { coerceError } from '../errors.ts'
import type { PipelineContext, PipelineStage } from './pipeline-stage.ts'

export interface StageOutcome {
  stage: string
  status: 'succeeded' | 'failed' | 'skipped'
  durationMs: number
  summary?: Record<string, unknown>
  error?: string
}

export interface PipelineReport {
  asOf: string
  status: 'succeeded' | 'failed' | 'interrupted'
  stages: StageOutcome[]
}

export async function runPipeline(
  stages: PipelineStage[],
  context: PipelineContext,
): Promise<PipelineReport> {
  const outcomes: StageOutcome[] = []
  for (const [index, stage] of stages.entries()) {
    if (context.signal?.aborted) {
      for (const rest of stages.slice(index))
        outcomes.push({ stage: rest.name, status: 'skipped', durationMs: 0 })
      return { asOf: context.asOf, status: 'interrupted', stages: outcomes }
    }
    const started = performance.now()
    context.log.info(`stage ${stage.name}: ${stage.description}`)
    try {
      const summary = await stage.run({ ...context, log: context.log.child({ stage: stage.name }) })
      outcomes.push({
        stage: stage.name,
        status: 'succeeded',
        durationMs: Math.round(performance.now() - started),
        summary,
      })
    } catch (thrown) {
      const error = coerceError(thrown)
      outcomes.push({
        stage: stage.name,
        status: 'failed',
        durationMs: Math.round(performance.now() - started),
        error: error.message,
      })
      for (const rest of stages.slice(index + 1))
        outcomes.push({ stage: rest.name, status: 'skipped', durationMs: 0 })
      const report: PipelineReport = { asOf: context.asOf, status: 'failed', stages: outcomes }
      throw Object.assign(
        new Error(`pipeline stopped at ${stage.name}: ${error.message}`, { cause: error }),
        { report },
      )
    }
  }
  return {
    asOf: context.asOf,
    status: context.signal?.aborted ? 'interrupted' : 'succeeded',
    stages: outcomes,
  }
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
