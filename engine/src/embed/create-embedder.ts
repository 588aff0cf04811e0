// Chooses the embedder a process runs with: bge-m3 (ONNX) when a model directory holds one, else the
// lexical fallback, and says which in the log so nobody mistakes the fallback for semantic search.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from '../shared/logger.ts'
import type { Embedder } from './embedder.ts'
import { createLexicalEmbedder } from './lexical-embedder.ts'
import { MODEL_FILE, TOKENIZER_FILE } from './model-files.ts'
import type { ExecutionProvider } from './onnx-session.ts'

export interface ConfiguredEmbedderOptions {
  /** The configured model directory (MODEL_DIR); when it lacks a model, a warning says so. */
  modelDir?: string | undefined
  /** Used when `modelDir` is not set and this directory holds a model (where model:fetch puts it). */
  defaultModelDir?: string | undefined
  /** Texts per ONNX batch (32 suits a GPU); the lexical fallback uses its own larger batches. */
  batchSize: number
  maxLength?: number
  providers?: ExecutionProvider[]
  log: Logger
}

/** Whether a directory holds what the ONNX embedder loads (model.onnx and tokenizer.json). */
export function hasOnnxModel(dir: string): boolean {
  return existsSync(path.join(dir, MODEL_FILE)) && existsSync(path.join(dir, TOKENIZER_FILE))
}

/** Creates the embedder for this process (once: loading bge-m3 takes seconds and gigabytes). */
export async function createConfiguredEmbedder(options: ConfiguredEmbedderOptions): Promise<Embedder> {
  const { log } = options
  const modelDir =
    options.modelDir ??
    (options.defaultModelDir && hasOnnxModel(options.defaultModelDir) ? options.defaultModelDir : undefined)
  if (modelDir && hasOnnxModel(modelDir)) {
    // Loaded only here: a process without a model never loads onnxruntime.
    const { createOnnxEmbedder } = await import('./onnx-embedder.ts')
    return createOnnxEmbedder({
      modelDir,
      batchSize: options.batchSize,
      maxLength: options.maxLength,
      providers: options.providers,
      log,
    })
  }
  if (modelDir) {
    log.warn(
      `MODEL_DIR ${modelDir} has no ${MODEL_FILE} and ${TOKENIZER_FILE} (download them with: npm run model:fetch)`,
    )
  }
  const embedder = createLexicalEmbedder()
  log.warn(
    `embeddings: no ONNX model configured; using ${embedder.model}, a lexical fallback (hashed character ` +
      'n-grams). Its vectors match spelling, not meaning: they are NOT semantic embeddings.',
  )
  return embedder
}
