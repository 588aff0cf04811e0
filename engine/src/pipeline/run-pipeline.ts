// Runs stages in order over one context: RAW → CORE → SEARCH → MATCH → RULES. A stage that fails stops
// the run (later stages would read stale input); a stop signal skips the stages not yet started.

import { coerceError } from '../shared/errors.ts'
import type { Stage, StageContext } from '../stage/stage.ts'

/** A stage with the options this run gives it. */
export interface PipelineStep<Options = unknown, Report = unknown> {
  stage: Stage<Options, Report>
  options: Options
}

/** A step, typed by its stage (parses the options, so their defaults apply). */
export function step<Options, Report>(
  stage: Stage<Options, Report>,
  options: Partial<Options> = {},
): PipelineStep {
  return { stage: stage as Stage<unknown, unknown>, options: stage.options.parse(options) }
}

export interface StageOutcome {
  stage: string
  status: 'succeeded' | 'failed' | 'skipped'
  durationMs: number
  /** What the stage reported (its own typed report). */
  report?: unknown
  error?: string
}

export interface PipelineReport {
  asOf: string
  status: 'succeeded' | 'failed' | 'interrupted'
  stages: StageOutcome[]
}

export async function runPipeline(
  context: StageContext,
  steps: readonly PipelineStep[],
): Promise<PipelineReport> {
  const outcomes: StageOutcome[] = []
  for (const [index, { stage, options }] of steps.entries()) {
    if (context.signal.aborted) {
      for (const rest of steps.slice(index))
        outcomes.push({ stage: rest.stage.name, status: 'skipped', durationMs: 0 })
      return { asOf: context.asOf, status: 'interrupted', stages: outcomes }
    }
    const started = performance.now()
    context.log.info(`stage ${stage.name}: ${stage.description}`)
    try {
      const report = await stage.run({ ...context, log: context.log.child({ stage: stage.name }) }, options)
      outcomes.push({
        stage: stage.name,
        status: 'succeeded',
        durationMs: Math.round(performance.now() - started),
        report,
      })
    } catch (thrown) {
      const error = coerceError(thrown)
      outcomes.push({
        stage: stage.name,
        status: 'failed',
        durationMs: Math.round(performance.now() - started),
        error: error.message,
      })
      for (const rest of steps.slice(index + 1))
        outcomes.push({ stage: rest.stage.name, status: 'skipped', durationMs: 0 })
      const report: PipelineReport = { asOf: context.asOf, status: 'failed', stages: outcomes }
      throw Object.assign(
        new Error(`pipeline stopped at ${stage.name}: ${error.message}`, { cause: error }),
        {
          report,
        },
      )
    }
  }
  return {
    asOf: context.asOf,
    status: context.signal.aborted ? 'interrupted' : 'succeeded',
    stages: outcomes,
  }
}
