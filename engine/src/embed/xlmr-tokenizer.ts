// The tokenizer bge-m3 (XLM-RoBERTa's SentencePiece Unigram vocabulary) needs, read from the model's
// HuggingFace `tokenizer.json`, so the embedding worker needs no Python and no native tokenizer.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'

export interface XlmrTokenizer {
  bosId: number
  padId: number
  eosId: number
  unkId: number
  vocabSize: number
  /** Token ids with `<s>` … `</s>` around them, at most `maxLength` ids in all. */
  encode(text: string, maxLength: number): number[]
  /** The vocabulary piece of an id (`▁acme`). */
  tokenText(id: number): string
  /** `<s>`, `<pad>`, `</s>`, `<unk>` and the other added special tokens. */
  isSpecial(id: number): boolean
}

const fileSchema = z.object({
  added_tokens: z
    .array(z.object({ id: z.number().int(), content: z.string(), special: z.boolean().optional() }))
    .default([]),
  pre_tokenizer: z.unknown().optional(),
  model: z.object({
    type: z.string(),
    unk_id: z.number().int().nullable().optional(),
    vocab: z.array(z.unknown()),
  }),
})

// SentencePiece scores an unknown character this far below the rarest piece (HF tokenizers alike).
const UNK_PENALTY = 10
// Words seen again are not segmented again; cleared when full so memory stays bounded.
const WORD_CACHE_LIMIT = 100_000

/** Reads a `tokenizer.json` file; errors name the file and what is wrong with it. */
export async function loadXlmrTokenizer(file: string): Promise<XlmrTokenizer> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read tokenizer ${file}: ${(error as Error).message}`, { cause: error })
  }
  return createXlmrTokenizer(json, file)
}

/**
 * Builds the tokenizer from a parsed `tokenizer.json` of the XLM-RoBERTa kind: Unigram model with
 * `[piece, score]` vocabulary, Metaspace pre-tokenizer (`▁`, prefix space), `<s> … </s>` template.
 */
export function createXlmrTokenizer(json: unknown, source = 'tokenizer.json'): XlmrTokenizer {
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${source} is not a tokenizer.json: ${z.prettifyError(parsed.error)}`)
  const { model, added_tokens: added } = parsed.data
  if (model.type !== 'Unigram') {
    throw new Error(`${source}: expected a Unigram tokenizer (XLM-RoBERTa / bge-m3), got "${model.type}"`)
  }
  const pieces: string[] = []
  const scores = new Float64Array(model.vocab.length)
  for (const [id, entry] of model.vocab.entries()) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') {
      throw new Error(`${source}: vocab entry ${id} is not a [piece, score] pair`)
    }
    pieces.push(entry[0])
    scores[id] = entry[1]
  }
  const idOf = (content: string, fallback: number) =>
    added.find((token) => token.content === content)?.id ?? indexOrDefault(pieces.indexOf(content), fallback)
  const special = new Set(added.filter((token) => token.special !== false).map((token) => token.id))
  const bosId = idOf('<s>', 0)
  const padId = idOf('<pad>', 1)
  const eosId = idOf('</s>', 2)
  const unkId = model.unk_id ?? idOf('<unk>', 3)
  for (const id of [bosId, padId, eosId, unkId]) special.add(id)

  // Special tokens are never matched inside text: `<s>` typed by a user stays three characters.
  const lookup = new Map<string, number>()
  let maxPieceLength = 1
  let minScore = 0
  for (const [id, piece] of pieces.entries()) {
    if (special.has(id) || piece === '') continue
    lookup.set(piece, id)
    maxPieceLength = Math.max(maxPieceLength, piece.length)
    minScore = Math.min(minScore, scores[id]!)
  }
  const segmenter = { lookup, scores, maxPieceLength, unkId, unkScore: minScore - UNK_PENALTY }
  const cache = new Map<string, number[]>()

  const segmentWord = (word: string): number[] => {
    let ids = cache.get(word)
    if (!ids) {
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear()
      ids = viterbi(word, segmenter)
      cache.set(word, ids)
    }
    return ids
  }

  return {
    bosId,
    padId,
    eosId,
    unkId,
    vocabSize: pieces.length,
    encode(text, maxLength) {
      if (maxLength < 2) throw new Error(`maxLength must leave room for <s> and </s>, got ${maxLength}`)
      const budget = maxLength - 2
      const ids = [bosId]
      for (const word of splitWords(text)) {
        for (const id of segmentWord(word)) {
          if (ids.length > budget) break
          ids.push(id)
        }
        if (ids.length > budget) break
      }
      ids.push(eosId)
      return ids
    },
    tokenText: (id) => pieces[id] ?? '',
    isSpecial: (id) => special.has(id),
  }
}

/**
 * SentencePiece's `nmt_nfkc` normalisation as far as bge-m3 needs it: NFKC (standing in for the
 * Precompiled charsmap, which is NFKC plus a few rare mappings), control characters removed, runs of
 * whitespace collapsed to one space, trimmed.
 */
export function normalizeForXlmr(text: string): string {
  return (
    text
      .normalize('NFKC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/** Metaspace pre-tokenisation: words split on spaces, each starting with `▁`. */
function splitWords(text: string): string[] {
  const normalized = normalizeForXlmr(text)
  return normalized === '' ? [] : normalized.split(' ').map((word) => `\u2581${word}`)
}

interface Segmenter {
  lookup: Map<string, number>
  scores: Float64Array
  maxPieceLength: number
  unkId: number
  unkScore: number
}

/**
 * The most probable segmentation of one word (Viterbi over piece log-probabilities). A character no
 * piece covers becomes `<unk>`; consecutive unknowns fuse into one, as in SentencePiece.
 */
function viterbi(word: string, segmenter: Segmenter): number[] {
  const n = word.length
  const best = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY)
  const from = new Int32Array(n + 1)
  const token = new Int32Array(n + 1)
  best[0] = 0
  for (let start = 0; start < n; start++) {
    const base = best[start]!
    if (base === Number.NEGATIVE_INFINITY) continue
    const charLength = isHighSurrogate(word.charCodeAt(start)) && start + 1 < n ? 2 : 1
    let coversChar = false
    const longest = Math.min(segmenter.maxPieceLength, n - start)
    for (let length = 1; length <= longest; length++) {
      const id = segmenter.lookup.get(word.slice(start, start + length))
      if (id === undefined) continue
      if (length === charLength) coversChar = true
      const score = base + segmenter.scores[id]!
      if (score > best[start + length]!) {
        best[start + length] = score
        from[start + length] = start
        token[start + length] = id
      }
    }
    if (!coversChar) {
      const score = base + segmenter.unkScore
      if (score > best[start + charLength]!) {
        best[start + charLength] = score
        from[start + charLength] = start
        token[start + charLength] = segmenter.unkId
      }
    }
  }
  const ids: number[] = []
  for (let end = n; end > 0; end = from[end]!) {
    const id = token[end]!
    if (!(id === segmenter.unkId && ids[ids.length - 1] === segmenter.unkId)) ids.push(id)
  }
  return ids.reverse()
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function indexOrDefault(index: number, fallback: number): number {
  return index >= 0 ? index : fallback
}
