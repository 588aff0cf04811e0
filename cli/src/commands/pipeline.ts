// `revops pipeline run`: every stage in order (sync -> normalize -> ...), in this process.

import { createPipelineStages } from '@revops/engine/pipeline/pipeline-stages'
import { runPipeline, todayIso } from '@revops/engine/pipeline/run-pipeline'
import type { Command } from 'commander'
import { isoDate, withRuntime } from '../command-runner.ts'
import { createProgressDisplay } from '../progress-bars.ts'
import { printTable } from '../reports.ts'
import { embedderFactory } from '../services.ts'

export function registerPipelineCommands(program: Command): void {
  const pipeline = program.command('pipeline').description('run the whole pipeline')
  pipeline
    .command('run')
    .description('run every stage in order: sync -> normalize -> embed -> match -> rules')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today)', isoDate)
    .action((options: { asOf?: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const progress = createProgressDisplay()
        try {
          const stages = createPipelineStages({ acquireEmbedder: embedderFactory(runtime) })
          const report = await runPipeline(stages, {
            sql: runtime.sql,
            productUrl: runtime.database.url,
            tenant: await runtime.loadTenant(),
            asOf: options.asOf ?? todayIso(),
            signal: runtime.shutdown.signal,
            onProgress: progress.listener,
            log: runtime.log,
          })
          progress.stop()
          printTable(
            ['stage', 'status', 'ms', 'summary'],
            report.stages.map((s) => [s.stage, s.status, s.durationMs, JSON.stringify(s.summary ?? {})]),
          )
        } finally {
          progress.stop()
        }
      }),
    )
}
