// The fallback embedder when no model is configured: hashed character n-grams and words, so records
// that share spelling (`Acme Corp` / `ACME Corporation`) get similar vectors. It knows no meaning and
// says so (`semantic: false`); every vector it makes is stored under its own model id.
import { foldText } from '../normalize/fold-text.ts'
import type { Embedder, Embedding } from './embedder.ts'

export const LEXICAL_MODEL = 'lexical-hash-v1'
export const LEXICAL_DIMENSIONS = 1024

export interface LexicalEmbedderOptions {
  /** Texts per `embed` call the SEARCH stage should send (large: the work is cheap). */
  batchSize?: number
}

/** Creates the deterministic lexical embedder (pure and synchronous inside; no model files). */
export function createLexicalEmbedder(options: LexicalEmbedderOptions = {}): Embedder {
  return {
    model: LEXICAL_MODEL,
    semantic: false,
    dimensions: LEXICAL_DIMENSIONS,
    batchSize: options.batchSize ?? 256,
    embed: async (texts) => texts.map(embedLexical),
    close: async () => {},
  }
}

// The retrieval instruction the SEARCH texts start with carries no lexical signal (every text of a
// kind has it) and would make all vectors alike, so it is not hashed.
const INSTRUCTION = /^\s*represent this [^:]{1,80} for retrieval:\s*/i
const WORD = /[\p{L}\p{N}]+/gu
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const WORD_SEED = 0x5bd1e995
const MIN_GRAM = 2
const MAX_GRAM = 4
// Word boundaries inside the n-gram stream (control characters never occur in folded words).
const BOUNDARY = 0x02

/**
 * Embeds one text: 2–4-grams of each folded word padded with boundary marks plus the word itself,
 * signed feature hashing into 1024 dimensions, sublinear term frequency (1 + ln tf), L2-normalised.
 * `sparse` holds the same sublinear weights per word, L2-normalised, for lexical overlap scoring.
 */
export function embedLexical(text: string): Embedding {
  const words = foldText(text.replace(INSTRUCTION, '')).match(WORD) ?? []
  const counts = createFeatureCounts()
  const wordCounts = new Map<string, number>()
  for (const word of words) {
    wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1)
    counts.add(hashWord(word))
    addCharGrams(word, counts)
  }
  const dense = new Float32Array(LEXICAL_DIMENSIONS)
  counts.forEach((hash, count) => {
    const weight = 1 + Math.log(count)
    dense[hash & (LEXICAL_DIMENSIONS - 1)]! += hash < 0 ? -weight : weight
  })
  return { dense: unitLength(dense), sparse: sparseWeights(wordCounts) }
}

function addCharGrams(word: string, counts: FeatureCounts): void {
  const length = word.length + 2
  for (let start = 0; start < length - 1; start++) {
    let hash = FNV_OFFSET
    for (let n = 1; n <= MAX_GRAM && start + n <= length; n++) {
      const at = start + n - 1
      const code = at === 0 || at === length - 1 ? BOUNDARY : word.charCodeAt(at - 1)
      hash = Math.imul(hash ^ code, FNV_PRIME)
      if (n >= MIN_GRAM) counts.add(finalize(hash ^ n))
    }
  }
}

function hashWord(word: string): number {
  let hash = FNV_OFFSET ^ WORD_SEED
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME)
  return finalize(hash)
}

// MurmurHash3's finaliser: spreads FNV's weak low bits over the bucket (low bits) and sign (top bit).
function finalize(value: number): number {
  let h = value
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

function unitLength(vector: Float32Array): Float32Array {
  let norm = 0
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm)
    for (let i = 0; i < vector.length; i++) vector[i]! *= scale
  }
  return vector
}

function sparseWeights(wordCounts: Map<string, number>): Record<string, number> {
  let norm = 0
  for (const count of wordCounts.values()) norm += (1 + Math.log(count)) ** 2
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
  const sparse: Record<string, number> = {}
  for (const [word, count] of wordCounts) sparse[word] = (1 + Math.log(count)) * scale
  return sparse
}

interface FeatureCounts {
  add(hash: number): void
  forEach(visit: (hash: number, count: number) => void): void
}

// Counts per feature hash in a reused open-addressing table: a Map costs several times more per
// n-gram, and the fallback embeds tens of thousands of texts.
let keys = new Int32Array(1 << 14)
let counts = new Uint32Array(1 << 14)
const used: number[] = []

function createFeatureCounts(): FeatureCounts {
  for (const slot of used) counts[slot] = 0
  used.length = 0
  return {
    add(hash) {
      if (used.length * 2 >= keys.length) grow()
      insert(hash, 1)
    },
    forEach(visit) {
      for (const slot of used) visit(keys[slot]!, counts[slot]!)
    },
  }
}

function insert(hash: number, count: number): void {
  const mask = keys.length - 1
  let slot = hash & mask
  while (counts[slot] !== 0) {
    if (keys[slot] === hash) {
      counts[slot]! += count
      return
    }
    slot = (slot + 1) & mask
  }
  keys[slot] = hash
  counts[slot] = count
  used.push(slot)
}

function grow(): void {
  const entries = used.map((slot) => [keys[slot]!, counts[slot]!] as const)
  keys = new Int32Array(keys.length * 2)
  counts = new Uint32Array(counts.length * 2)
  used.length = 0
  for (const [hash, count] of entries) insert(hash, count)
}
