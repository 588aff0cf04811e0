// Builds tiny ONNX models with bge-m3's input and output signature, plus a small XLM-R-style
// tokenizer.json, so the real loading, tokenising, batching, padding and pooling code is tested
// without the 2 GB model. Each token's hidden state mixes in the masked sum of the sequence, so CLS
// depends on every real token and on no padding, as in a transformer.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import onnxProto from 'onnx-proto'
import { seededRandom } from '../../shared/seeded-random.ts'

const { onnx } = onnxProto
type Node = onnxProto.onnx.INodeProto
type Tensor = onnxProto.onnx.ITensorProto

const FLOAT = 1
const INT64 = 7
const ATTRIBUTE_INT = 2
const EXTERNAL = 1

export interface TinyModelOptions {
  dir: string
  /** `bge-m3`: dense_vecs, sparse_vecs, colbert_vecs; `encoder`: last_hidden_state only. */
  signature: 'bge-m3' | 'encoder'
  hiddenSize?: number
  /** Store the embedding table in `model.onnx_data` beside the model, as the real export does. */
  externalData?: boolean
  seed?: number
}

/** Pieces of the tiny vocabulary with their log-probabilities (specials first, as in XLM-R). */
export const TINY_VOCAB: [string, number][] = [
  ['<s>', 0],
  ['<pad>', 0],
  ['</s>', 0],
  ['<unk>', 0],
  ['\u2581', -2],
  ...[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;-'].map(
    (char): [string, number] => [char, -5],
  ),
  ...['\u2581acme', '\u2581corp', '\u2581data', '\u2581lake', '\u2581cloud', '\u2581globex', '.com'].map(
    (piece): [string, number] => [piece, -3],
  ),
  ['oration', -3.5],
  ['\u2581Represent', -3],
  ['\u2581this', -3],
  ['\u2581company', -3],
  ['\u2581for', -3],
  ['\u2581retrieval', -3],
]

/** A `tokenizer.json` of the XLM-RoBERTa kind over TINY_VOCAB. */
export function tinyTokenizerJson(): Record<string, unknown> {
  const special = (id: number, content: string) => ({ id, content, special: true })
  return {
    version: '1.0',
    added_tokens: [special(0, '<s>'), special(1, '<pad>'), special(2, '</s>'), special(3, '<unk>')],
    normalizer: { type: 'Precompiled', precompiled_charsmap: '' },
    pre_tokenizer: {
      type: 'Metaspace',
      replacement: '\u2581',
      add_prefix_space: true,
      prepend_scheme: 'always',
    },
    post_processor: { type: 'TemplateProcessing' },
    model: { type: 'Unigram', unk_id: 3, vocab: TINY_VOCAB, byte_fallback: false },
  }
}

/** What a test needs to compute the tiny model's outputs itself. */
export interface TinyModel {
  dir: string
  hiddenSize: number
  /** [vocabulary, hidden] token embeddings. */
  embeddings: Float32Array
  /** [hidden, 1] sparse head. */
  sparseWeight: Float32Array
  /** [hidden, hidden] ColBERT head. */
  colbertWeight: Float32Array
}

/** Writes `model.onnx` (and `model.onnx_data` when asked) and `tokenizer.json` into `dir`. */
export async function buildTinyBgeM3(options: TinyModelOptions): Promise<TinyModel> {
  const hidden = options.hiddenSize ?? 8
  const random = seededRandom(options.seed ?? 7)
  const weights = (count: number) => Float32Array.from({ length: count }, () => random() * 2 - 1)
  await mkdir(options.dir, { recursive: true })
  const embeddings = weights(TINY_VOCAB.length * hidden)
  const sparseWeight = weights(hidden)
  const colbertWeight = weights(hidden * hidden)

  const table = floatTensor('embeddings', [TINY_VOCAB.length, hidden], embeddings)
  if (options.externalData) {
    const bytes = table.rawData!
    await writeFile(path.join(options.dir, 'model.onnx_data'), bytes)
    table.rawData = new Uint8Array(0)
    table.dataLocation = EXTERNAL
    table.externalData = [
      { key: 'location', value: 'model.onnx_data' },
      { key: 'offset', value: '0' },
      { key: 'length', value: String(bytes.length) },
    ]
  }
  const initializers: Tensor[] = [table, int64Tensor('axis_1', [1], [1n]), int64Tensor('axis_2', [1], [2n])]
  const nodes: Node[] = [
    node('Gather', ['embeddings', 'input_ids'], ['token_states']),
    node('Cast', ['attention_mask'], ['mask'], { to: FLOAT }),
    node('Unsqueeze', ['mask', 'axis_2'], ['mask_3d']),
    node('Mul', ['token_states', 'mask_3d'], ['masked']),
    node('ReduceSum', ['masked', 'axis_1'], ['sequence_sum'], { keepdims: 1 }),
    node('Add', ['token_states', 'sequence_sum'], ['mixed']),
    node('Tanh', ['mixed'], ['last_hidden_state']),
  ]
  const outputs =
    options.signature === 'encoder'
      ? [valueInfo('last_hidden_state', ['batch', 'sequence', hidden])]
      : [
          valueInfo('dense_vecs', ['batch', hidden]),
          valueInfo('sparse_vecs', ['batch', 'sequence', 1]),
          valueInfo('colbert_vecs', ['batch', 'sequence_minus_1', hidden]),
        ]
  if (options.signature === 'bge-m3') {
    initializers.push(
      floatTensor('sparse_weight', [hidden, 1], sparseWeight),
      floatTensor('colbert_weight', [hidden, hidden], colbertWeight),
      int64Tensor('zero', [], [0n]),
      int64Tensor('one', [1], [1n]),
      int64Tensor('end', [1], [2n ** 62n]),
    )
    nodes.push(
      node('Gather', ['last_hidden_state', 'zero'], ['dense_vecs'], { axis: 1 }),
      node('MatMul', ['last_hidden_state', 'sparse_weight'], ['sparse_logits']),
      node('Relu', ['sparse_logits'], ['sparse_vecs']),
      node('Slice', ['last_hidden_state', 'one', 'end', 'axis_1'], ['after_cls']),
      node('Slice', ['mask_3d', 'one', 'end', 'axis_1'], ['mask_after_cls']),
      node('MatMul', ['after_cls', 'colbert_weight'], ['colbert_raw']),
      node('Mul', ['colbert_raw', 'mask_after_cls'], ['colbert_vecs']),
    )
  }
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'revops-tiny-bge-m3',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: `tiny-${options.signature}`,
      node: nodes,
      initializer: initializers,
      input: [
        valueInfo('input_ids', ['batch', 'sequence'], INT64),
        valueInfo('attention_mask', ['batch', 'sequence'], INT64),
      ],
      output: outputs,
    },
  })
  await writeFile(path.join(options.dir, 'model.onnx'), onnx.ModelProto.encode(model).finish())
  await writeFile(path.join(options.dir, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson()))
  return { dir: options.dir, hiddenSize: hidden, embeddings, sparseWeight, colbertWeight }
}

/**
 * The tiny model's last hidden state computed in plain JS: tanh(E[id_t] + Σ E[id] over the text),
 * one row per token. Tests compare the embedder's pooled outputs with it.
 */
export function tinyHiddenStates(model: TinyModel, ids: number[]): Float32Array[] {
  const h = model.hiddenSize
  const sum = new Float32Array(h)
  for (const id of ids) for (let j = 0; j < h; j++) sum[j]! += model.embeddings[id * h + j]!
  return ids.map((id) =>
    Float32Array.from({ length: h }, (_, j) => Math.tanh(model.embeddings[id * h + j]! + sum[j]!)),
  )
}

function node(opType: string, input: string[], output: string[], attributes: Record<string, number> = {}) {
  return {
    opType,
    input,
    output,
    name: output[0],
    attribute: Object.entries(attributes).map(([name, i]) => ({ name, type: ATTRIBUTE_INT, i })),
  }
}

function valueInfo(name: string, dims: (string | number)[], elemType = FLOAT) {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  }
}

function floatTensor(name: string, dims: number[], values: Float32Array): Tensor {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(values.buffer.slice(0)) }
}

function int64Tensor(name: string, dims: number[], values: bigint[]): Tensor {
  return { name, dims, dataType: INT64, rawData: new Uint8Array(BigInt64Array.from(values).buffer) }
}
