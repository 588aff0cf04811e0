import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeInPlace } from './embedder.ts'
import { createOnnxEmbedder, type OnnxEmbedder } from './onnx-embedder.ts'
import { detectSignature } from './onnx-outputs.ts'
import { buildTinyBgeM3, TINY_VOCAB, type TinyModel, tinyHiddenStates } from './testing/build-tiny-bge-m3.ts'

let root: string
let bge: TinyModel
let encoder: TinyModel
const opened: OnnxEmbedder[] = []
const batches: { size: number; sequenceLength: number }[] = []
const id = (piece: string) => TINY_VOCAB.findIndex(([p]) => p === piece)
const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0))

async function open(model: TinyModel, options: { batchSize?: number; maxLength?: number } = {}) {
  const embedder = await createOnnxEmbedder({
    modelDir: model.dir,
    onBatch: (batch) => batches.push(batch),
    ...options,
  })
  opened.push(embedder)
  batches.length = 0
  return embedder
}

/** The tiny model's CLS output, normalised, computed in plain JS. */
function expectedCls(model: TinyModel, ids: number[]): Float32Array {
  return normalizeInPlace(tinyHiddenStates(model, ids)[0]!)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'onnx-embedder-'))
  bge = await buildTinyBgeM3({ dir: path.join(root, 'bge-m3'), signature: 'bge-m3', externalData: true })
  encoder = await buildTinyBgeM3({ dir: path.join(root, 'plain-encoder'), signature: 'encoder', seed: 11 })
})
afterAll(async () => {
  for (const embedder of opened) await embedder.close()
  await rm(root, { recursive: true, force: true })
})

describe('createOnnxEmbedder', () => {
  it('loads the model with its external data and learns the width from the output', async () => {
    const embedder = await open(bge)
    expect(embedder).toMatchObject({ semantic: true, dimensions: 8, batchSize: 32, provider: 'cpu' })
    expect(embedder.model).toMatch(/^bge-m3-onnx-[0-9a-f]{8}$/)
    expect((await open(encoder)).model).toMatch(/^plain-encoder-onnx-[0-9a-f]{8}$/)
  })

  it('pools CLS and normalises it (plain encoder export)', async () => {
    const embedder = await open(encoder)
    const [embedding] = await embedder.embed(['acme corporation'])
    const ids = [0, id('\u2581acme'), id('\u2581corp'), id('oration'), 2]
    expect(Array.from(embedding!.dense)).toEqual(
      Array.from(expectedCls(encoder, ids)).map((x) => expect.closeTo(x, 5)),
    )
    expect(norm(embedding!.dense)).toBeCloseTo(1, 5)
    expect(embedding!.sparse).toBeNull()
    expect(embedding!.colbert).toBeUndefined()
  })

  it('reads dense, sparse and ColBERT outputs of the bge-m3 export', async () => {
    const embedder = await open(bge)
    const [embedding] = await embedder.embed(['acme acme corporation'])
    const ids = [0, id('\u2581acme'), id('\u2581acme'), id('\u2581corp'), id('oration'), 2]
    expect(Array.from(embedding!.dense)).toEqual(
      Array.from(expectedCls(bge, ids)).map((x) => expect.closeTo(x, 5)),
    )
    // Sparse: ReLU(hidden · w) per token, the largest per token text, special tokens left out.
    const hidden = tinyHiddenStates(bge, ids)
    const expected: Record<string, number> = {}
    ids.forEach((tokenId, position) => {
      if (tokenId < 4) return
      const weight = hidden[position]!.reduce((sum, x, j) => sum + x * bge.sparseWeight[j]!, 0)
      const token = TINY_VOCAB[tokenId]![0]
      if (weight > 0 && weight > (expected[token] ?? 0)) expected[token] = weight
    })
    expect(Object.keys(embedding!.sparse!).sort()).toEqual(Object.keys(expected).sort())
    for (const [token, weight] of Object.entries(expected))
      expect(embedding!.sparse![token]).toBeCloseTo(weight, 5)
    // ColBERT: one normalised vector per token after CLS.
    expect(embedding!.colbert).toHaveLength(ids.length - 1)
    for (const vector of embedding!.colbert!) {
      expect(vector).toHaveLength(8)
      expect(norm(vector)).toBeCloseTo(1, 5)
    }
  })

  it('runs batches of the batch size, sorted by length, and returns results in order', async () => {
    const embedder = await open(bge, { batchSize: 32 })
    const texts = Array.from({ length: 70 }, (_, i) => `acme ${'data lake '.repeat(i % 9)}${i}`)
    const all = await embedder.embed(texts)
    expect(batches.map((batch) => batch.size)).toEqual([32, 32, 6])
    expect(all).toHaveLength(70)
    const [alone] = await embedder.embed([texts[41]!])
    expect(Array.from(all[41]!.dense)).toEqual(Array.from(alone!.dense).map((x) => expect.closeTo(x, 5)))
  })

  it('masks padding: a text alone and beside a longer one gets the same vectors', async () => {
    const embedder = await open(bge)
    const [alone] = await embedder.embed(['acme'])
    const [padded, long] = await embedder.embed(['acme', 'acme corporation data lake cloud globex.com'])
    expect(batches.at(-1)).toEqual({ size: 2, sequenceLength: 10 })
    expect(Array.from(padded!.dense)).toEqual(Array.from(alone!.dense).map((x) => expect.closeTo(x, 5)))
    expect(padded!.sparse).toEqual(
      Object.fromEntries(Object.entries(alone!.sparse!).map(([k, v]) => [k, expect.closeTo(v, 5)])),
    )
    expect(padded!.colbert).toHaveLength(2)
    expect(long!.colbert).toHaveLength(9)
  })

  it('truncates long texts to the maximum length', async () => {
    const embedder = await open(bge, { maxLength: 6 })
    const [embedding] = await embedder.embed(['acme corporation data lake cloud globex'])
    expect(batches.at(-1)!.sequenceLength).toBe(6)
    expect(embedding!.colbert).toHaveLength(5)
  })

  it('says what is missing when the model directory is incomplete, and refuses work once closed', async () => {
    await expect(createOnnxEmbedder({ modelDir: path.join(root, 'nothing') })).rejects.toThrow(
      /no model\.onnx in .*nothing; download the model with: npm run model:fetch/,
    )
    const embedder = await open(encoder)
    await embedder.close()
    await expect(embedder.embed(['acme'])).rejects.toThrow('the embedder is closed')
  })
})

describe('detectSignature', () => {
  it('recognises both export signatures and names the outputs of anything else', () => {
    expect(detectSignature(['dense_vecs', 'sparse_vecs', 'colbert_vecs'])).toBe('bge-m3')
    expect(detectSignature(['last_hidden_state', 'pooler_output'])).toBe('encoder')
    expect(() => detectSignature(['logits'])).toThrow(/outputs \[logits\]; expected bge-m3's dense_vecs/)
  })
})
