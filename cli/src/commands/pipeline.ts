// `revops pipeline run`: every stage in order (sync → normalize → rollups → embed → match → decide → write-back), in
// this process.
import { createPipelineStage } from '@revops/engine/pipeline'
import type { Command } from 'commander'
import { isoDate, withRuntime } from '../command-runner.ts'
import { seedDemoIfNeeded } from '../demo-sources.ts'
import { printTable } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'
import { embedderFactory } from '../services.ts'

export function registerPipelineCommands(program: Command): void {
  const pipeline = program.command('pipeline').description('run the whole pipeline')
  pipeline
    .command('run')
    .description(
      'run every stage in order: sync -> normalize -> rollups -> embed -> match -> decide -> write-back',
    )
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today)', isoDate)
    .action((options: { asOf?: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        await seedDemoIfNeeded(runtime)
        const stage = createPipelineStage({ acquireEmbedder: embedderFactory(runtime) })
        const report = await runStageHere(runtime, stage, {}, { asOf: options.asOf })
        printTable(
          ['stage', 'status', 'ms', 'report'],
          report.stages.map((s) => [s.stage, s.status, s.durationMs, summarize(s.report)]),
        )
      }),
    )
}

/** The scalar figures of a stage's report, on one line. */
function summarize(report: unknown): string {
  if (!report || typeof report !== 'object') return ''
  return Object.entries(report)
    .filter(([, value]) => typeof value !== 'object' || value === null)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')
}
