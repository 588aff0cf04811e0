// `revops embed`: the SEARCH stage in this process, with progress bars (the embedding worker does the
// same as queued jobs).
import path from 'node:path'
import { createConfiguredEmbedder, createEmbedStage } from '@revops/engine/embed'
import type { Command } from 'commander'
import { positiveInt, withRuntime } from '../command-runner.ts'
import { PROJECT_ROOT } from '../env.ts'
import { printTable } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'
import type { Runtime } from '../runtime.ts'

export interface EmbeddingCommandOptions {
  modelDir?: string
  batchSize?: number
}

/** Model directory and batch size: command options first, then MODEL_DIR / EMBED_BATCH_SIZE. */
export function embeddingSettings(runtime: Runtime, options: EmbeddingCommandOptions) {
  const env = runtime.env
  const modelDir = options.modelDir ?? env.MODEL_DIR
  return {
    modelDir: modelDir === undefined ? undefined : path.resolve(PROJECT_ROOT, modelDir),
    // Where `npm run model:fetch` puts bge-m3 when MODEL_DIR is not set.
    defaultModelDir: path.join(runtime.env.dataDir, 'models', 'bge-m3'),
    batchSize: options.batchSize ?? env.EMBED_BATCH_SIZE ?? 32,
  }
}

/** Adds the options both embedding commands take. */
export function withEmbeddingOptions(command: Command): Command {
  return command
    .option(
      '--model-dir <dir>',
      'bge-m3 exported to ONNX (default: MODEL_DIR, else .data/models/bge-m3 if present)',
    )
    .option(
      '--batch-size <n>',
      'texts per model batch (default: EMBED_BATCH_SIZE or 32)',
      positiveInt('--batch-size'),
    )
}

export function registerEmbedCommand(program: Command): void {
  withEmbeddingOptions(
    program
      .command('embed')
      .description('embed the identity and context texts of changed opportunities into search.embeddings'),
  ).action((options: EmbeddingCommandOptions, command: Command) =>
    withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
      const stage = createEmbedStage(() =>
        createConfiguredEmbedder({ ...embeddingSettings(runtime, options), log: runtime.log }),
      )
      const result = await runStageHere(runtime, stage)
      printTable(
        ['entity', 'records', 'embedded', 'unchanged', 'removed'],
        result.entities.map((e) => [e.entityKind, e.records, e.embedded, e.unchanged, e.removed]),
      )
      const kind = result.semantic ? 'semantic' : 'lexical fallback, NOT semantic'
      process.stdout.write(`model: ${result.model} (${result.dimensions}-d, ${kind})\n`)
    }),
  )
}
