// Runs a stage of the pipeline in this process, as the operator's CLI does: the owner's client, progress
// bars on the terminal, Ctrl-C stopping it after the batch in flight. The same stage a worker runs.
import { type Stage, stageContext } from '@revops/engine/stage'
import { createProgressDisplay } from './progress-bars.ts'
import type { Runtime } from './runtime.ts'

export async function runStageHere<Options, Report>(
  runtime: Runtime,
  stage: Stage<Options, Report>,
  options: unknown = {},
  run: { asOf?: string | undefined } = {},
): Promise<Report> {
  const parsed = stage.options.parse(options)
  const progress = createProgressDisplay()
  try {
    return await stage.run(
      stageContext({
        tenant: await runtime.loadTenant(),
        sql: runtime.sql,
        url: runtime.database.url,
        asOf: run.asOf,
        signal: runtime.shutdown.signal,
        onProgress: progress.listener,
        log: runtime.log,
      }),
      parsed,
    )
  } finally {
    progress.stop()
  }
}
