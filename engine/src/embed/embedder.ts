// What every embedder (the bge-m3 ONNX model, the lexical fallback) gives the SEARCH stage, and the
// pure vector maths both the stage and the matcher use.

/** One text's embedding. */
export interface Embedding {
  /** L2-normalised dense vector (`dimensions` long). */
  dense: Float32Array
  /** Lexical weights keyed by token text; null when the model gives none. */
  sparse: Record<string, number> | null
  /** Per-token vectors (ColBERT) when the model gives them; used in memory, never persisted. */
  colbert?: Float32Array[]
}

export interface Embedder {
  /** Stored with every vector (e.g. `bge-m3-onnx-1a2b3c`, `lexical-hash-v1`); vectors of two models never mix. */
  model: string
  /** False for the lexical fallback: its similarity is shared spelling, not meaning. */
  semantic: boolean
  dimensions: number
  /** How many texts one `embed` call should carry for the best throughput. */
  batchSize: number
  /** Embeds texts in order; the result has one embedding per text. */
  embed(texts: string[]): Promise<Embedding[]>
  /** Releases the model (sessions, native memory). */
  close(): Promise<void>
}

/** The embedder for one run of a process that keeps it loaded for every run: the run's `close` is a no-op. */
export function borrowedEmbedder(embedder: Embedder): Embedder {
  return { ...embedder, close: async () => {} }
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length)
    throw new Error(`cosine of vectors of different lengths (${a.length}, ${b.length})`)
  let dot = 0
  let normA = 0
  let normB = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    dot += x * y
    normA += x * x
    normB += y * y
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}

/** Dot product of two sparse weight maps (bge-m3's lexical matching score). */
export function sparseDot(a: Record<string, number>, b: Record<string, number>): number {
  const [small, large] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a]
  let sum = 0
  for (const key in small) {
    const other = large[key]
    if (other !== undefined) sum += small[key]! * other
  }
  return sum
}

/** Scales a vector to unit length in place and returns it (an all-zero vector stays zero). */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let norm = 0
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!
  if (norm === 0) return vector
  const scale = 1 / Math.sqrt(norm)
  for (let i = 0; i < vector.length; i++) vector[i]! *= scale
  return vector
}
