// Turns one batch's model outputs into embeddings: bge-m3's own heads (dense, sparse, ColBERT) when the
// export has them, else CLS pooling of a plain encoder's last hidden state. Padding never leaks in.
import type ort from 'onnxruntime-node'
import { type Embedding, normalizeInPlace } from './embedder.ts'
import type { XlmrTokenizer } from './xlmr-tokenizer.ts'

/** `bge-m3`: dense_vecs / sparse_vecs / colbert_vecs; `encoder`: last_hidden_state only. */
export type OutputSignature = 'bge-m3' | 'encoder'

/** Recognises the export by its output names; errors name what the model has instead. */
export function detectSignature(outputNames: readonly string[]): OutputSignature {
  if (outputNames.includes('dense_vecs')) return 'bge-m3'
  if (outputNames.includes('last_hidden_state')) return 'encoder'
  throw new Error(
    `the ONNX model has outputs [${outputNames.join(', ')}]; expected bge-m3's dense_vecs ` +
      "(with sparse_vecs, colbert_vecs) or an encoder's last_hidden_state",
  )
}

/**
 * Embeddings of one batch. `tokenIds` are the unpadded ids of each text (so their lengths are the
 * attention masks); outputs are [batch, sequence, …] over the batch padded to `sequenceLength`.
 */
export function decodeBatch(
  signature: OutputSignature,
  outputs: ort.InferenceSession.OnnxValueMapType,
  tokenIds: number[][],
  sequenceLength: number,
  tokenizer: XlmrTokenizer,
): Embedding[] {
  if (signature === 'encoder') return poolCls(tensor(outputs, 'last_hidden_state'), tokenIds.length)
  const dense = tensor(outputs, 'dense_vecs')
  const sparse = outputs.sparse_vecs ? tensor(outputs, 'sparse_vecs') : undefined
  const colbert = outputs.colbert_vecs ? tensor(outputs, 'colbert_vecs') : undefined
  const width = dense.dims[dense.dims.length - 1]!
  return tokenIds.map((ids, row) => ({
    dense: normalizeInPlace(dense.data.slice(row * width, (row + 1) * width)),
    sparse: sparse ? sparseWeights(sparse, row, ids, tokenizer) : null,
    ...(colbert ? { colbert: colbertVectors(colbert, row, ids.length, sequenceLength) } : {}),
  }))
}

interface FloatTensor {
  dims: readonly number[]
  data: Float32Array
}

/** CLS pooling: the hidden state at position 0 of each row, L2-normalised. */
function poolCls(hidden: FloatTensor, rows: number): Embedding[] {
  const [, sequence, width] = hidden.dims as [number, number, number]
  return Array.from({ length: rows }, (_, row) => {
    const start = row * sequence * width
    return { dense: normalizeInPlace(hidden.data.slice(start, start + width)), sparse: null }
  })
}

/** Per-token weights (ReLU'd) keyed by token text, the largest weight per token, specials skipped. */
function sparseWeights(
  sparse: FloatTensor,
  row: number,
  ids: number[],
  tokenizer: XlmrTokenizer,
): Record<string, number> {
  const sequence = sparse.dims[1]!
  const weights: Record<string, number> = {}
  for (let position = 0; position < ids.length; position++) {
    const id = ids[position]!
    if (tokenizer.isSpecial(id)) continue
    const weight = sparse.data[row * sequence + position]!
    if (!(weight > 0)) continue
    const token = tokenizer.tokenText(id)
    if (weight > (weights[token] ?? 0)) weights[token] = weight
  }
  return weights
}

/**
 * One normalised vector per token after CLS (bge-m3 drops position 0), padding removed. Exports give
 * either [batch, sequence - 1, width] or [batch, sequence, width]; the offset covers both.
 */
function colbertVectors(
  colbert: FloatTensor,
  row: number,
  length: number,
  sequenceLength: number,
): Float32Array[] {
  const [, positions, width] = colbert.dims as [number, number, number]
  const shift = positions === sequenceLength ? 0 : 1
  const vectors: Float32Array[] = []
  for (let position = 1; position < length; position++) {
    const start = (row * positions + position - shift) * width
    vectors.push(normalizeInPlace(colbert.data.slice(start, start + width)))
  }
  return vectors
}

function tensor(outputs: ort.InferenceSession.OnnxValueMapType, name: string): FloatTensor {
  const value = outputs[name] as ort.Tensor | undefined
  if (!value) throw new Error(`the ONNX model gave no ${name} output`)
  if (value.type !== 'float32') throw new Error(`output ${name} is ${value.type}; expected float32`)
  return { dims: value.dims, data: value.data as Float32Array }
}
