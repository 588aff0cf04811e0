// bge-m3 (or any XLM-R encoder exported to ONNX) as an Embedder: one session for the process, texts
// tokenised here, batches padded to their longest text with the attention mask marking the padding.
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import ort from 'onnxruntime-node'
import { type Logger, silentLogger } from '../shared/logger.ts'
import { createSerialQueue } from '../shared/serial-queue.ts'
import type { Embedder, Embedding } from './embedder.ts'
import { MODEL_DATA_FILE, MODEL_FILE, TOKENIZER_FILE } from './model-files.ts'
import { decodeBatch, detectSignature } from './onnx-outputs.ts'
import { type ExecutionProvider, openOnnxSession } from './onnx-session.ts'
import { loadXlmrTokenizer, type XlmrTokenizer } from './xlmr-tokenizer.ts'

export { MODEL_DATA_FILE, MODEL_FILE, TOKENIZER_FILE }

export interface OnnxEmbedderOptions {
  /** Holds model.onnx (with model.onnx_data beside it when the export has one) and tokenizer.json. */
  modelDir: string
  batchSize?: number
  /** Tokens per text, <s> and </s> included; longer texts are truncated. */
  maxLength?: number
  /** Tried in order; the default uses CUDA when onnxruntime can load it. */
  providers?: ExecutionProvider[]
  /** Name in the model id; the model directory's name by default (`bge-m3`). */
  modelName?: string
  log?: Logger
  /** Called after each batch ran (metrics, tests). */
  onBatch?: (batch: { size: number; sequenceLength: number }) => void
}

export interface OnnxEmbedder extends Embedder {
  provider: ExecutionProvider
}

/**
 * Loads the tokenizer and creates the session once, then runs one warm-up text to learn the output
 * width (1024 for bge-m3). Texts of one `embed` call are sorted by length before batching, so a batch
 * pads to similar lengths; results come back in the caller's order.
 */
export async function createOnnxEmbedder(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
  const log = options.log ?? silentLogger
  const batchSize = options.batchSize ?? 32
  const maxLength = options.maxLength ?? 512
  const modelFile = path.join(options.modelDir, MODEL_FILE)
  const fingerprint = await modelFingerprint(options.modelDir)
  const tokenizer = await loadXlmrTokenizer(path.join(options.modelDir, TOKENIZER_FILE))
  const { session, provider } = await openOnnxSession(modelFile, options.providers ?? ['cuda', 'cpu'], log)
  const signature = detectSignature(session.outputNames)
  const missing = ['input_ids', 'attention_mask'].filter((name) => !session.inputNames.includes(name))
  if (missing.length > 0) {
    await session.release()
    throw new Error(`${modelFile} lacks the input(s) ${missing.join(', ')}; inputs: ${session.inputNames}`)
  }
  const wantsTypeIds = session.inputNames.includes('token_type_ids')

  const runBatch = async (ids: number[][]): Promise<Embedding[]> => {
    const sequenceLength = Math.max(...ids.map((row) => row.length))
    const inputIds = new BigInt64Array(ids.length * sequenceLength).fill(BigInt(tokenizer.padId))
    const mask = new BigInt64Array(ids.length * sequenceLength)
    ids.forEach((row, r) => {
      for (let t = 0; t < row.length; t++) {
        inputIds[r * sequenceLength + t] = BigInt(row[t]!)
        mask[r * sequenceLength + t] = 1n
      }
    })
    const dims = [ids.length, sequenceLength]
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', inputIds, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
    }
    if (wantsTypeIds) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(inputIds.length), dims)
    const outputs = await session.run(feeds)
    options.onBatch?.({ size: ids.length, sequenceLength })
    return decodeBatch(signature, outputs, ids, sequenceLength, tokenizer)
  }

  // One batch at a time: memory stays bounded and a shutdown waits for at most one batch.
  const queue = createSerialQueue()
  let closed = false
  const embed = (texts: string[]): Promise<Embedding[]> => {
    if (closed) return Promise.reject(new Error('the embedder is closed'))
    return queue.run(() => embedInBatches(texts, tokenizer, maxLength, batchSize, runBatch))
  }

  const [probe] = await embed(['warm up'])
  const dimensions = probe!.dense.length
  const model = `${options.modelName ?? path.basename(path.resolve(options.modelDir))}-onnx-${fingerprint}`
  log.info(`embedding model ${model}: ${dimensions}-d ${signature} outputs on ${provider}`, {
    batchSize,
    maxLength,
  })
  return {
    model,
    semantic: true,
    dimensions,
    batchSize,
    provider,
    embed,
    close: async () => {
      if (closed) return
      closed = true
      await queue.idle()
      await session.release()
    },
  }
}

async function embedInBatches(
  texts: string[],
  tokenizer: XlmrTokenizer,
  maxLength: number,
  batchSize: number,
  runBatch: (ids: number[][]) => Promise<Embedding[]>,
): Promise<Embedding[]> {
  const ids = texts.map((text) => tokenizer.encode(text, maxLength))
  const order = ids.map((_, index) => index).sort((a, b) => ids[a]!.length - ids[b]!.length)
  const results = new Array<Embedding>(texts.length)
  for (let start = 0; start < order.length; start += batchSize) {
    const members = order.slice(start, start + batchSize)
    const embeddings = await runBatch(members.map((index) => ids[index]!))
    members.forEach((index, i) => {
      results[index] = embeddings[i]!
    })
  }
  return results
}

/**
 * A short id of the model files (names and sizes), so vectors of a re-exported or replaced model are
 * never compared with the old ones. Sizes, not contents: hashing 2 GB at every start costs seconds.
 */
async function modelFingerprint(modelDir: string): Promise<string> {
  const parts: string[] = []
  for (const file of [MODEL_FILE, MODEL_DATA_FILE, TOKENIZER_FILE]) {
    const size = await stat(path.join(modelDir, file)).then(
      (s) => s.size,
      () => null,
    )
    if (size === null && file !== MODEL_DATA_FILE) {
      throw new Error(`no ${file} in ${modelDir}; download the model with: npm run model:fetch`)
    }
    parts.push(`${file}:${size ?? '-'}`)
  }
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 8)
}
