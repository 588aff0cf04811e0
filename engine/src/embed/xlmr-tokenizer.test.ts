import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TINY_VOCAB, tinyTokenizerJson } from './testing/build-tiny-bge-m3.ts'
import {
  createXlmrTokenizer,
  loadXlmrTokenizer,
  normalizeForXlmr,
  type XlmrTokenizer,
} from './xlmr-tokenizer.ts'

let dir: string
let tokenizer: XlmrTokenizer
const id = (piece: string) => TINY_VOCAB.findIndex(([p]) => p === piece)
const pieces = (text: string, maxLength = 64) => tokenizer.encode(text, maxLength).map(tokenizer.tokenText)

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xlmr-tokenizer-'))
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson()))
  tokenizer = await loadXlmrTokenizer(path.join(dir, 'tokenizer.json'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('loadXlmrTokenizer', () => {
  it('reads the special tokens and the vocabulary', () => {
    expect(tokenizer).toMatchObject({ bosId: 0, padId: 1, eosId: 2, unkId: 3, vocabSize: TINY_VOCAB.length })
    expect([0, 1, 2, 3].every(tokenizer.isSpecial)).toBe(true)
    expect(tokenizer.isSpecial(id('\u2581acme'))).toBe(false)
  })

  it('wraps the pieces of the most probable segmentation in <s> … </s>', () => {
    expect(tokenizer.encode('acme corporation', 64)).toEqual([
      0,
      id('\u2581acme'),
      id('\u2581corp'),
      id('oration'),
      2,
    ])
    expect(pieces('acme.com')).toEqual(['<s>', '\u2581acme', '.com', '</s>'])
  })

  it('normalises with NFKC and collapses whitespace', () => {
    expect(normalizeForXlmr('  ａｃｍｅ \n\t corp\u0007 ')).toBe('acme corp')
    expect(pieces('  ａｃｍｅ \n\t corp ')).toEqual(pieces('acme corp'))
    expect(pieces('')).toEqual(['<s>', '</s>'])
  })

  it('turns characters no piece covers into one <unk> per run, surrogate pairs included', () => {
    expect(pieces('acme ☃')).toEqual(['<s>', '\u2581acme', '\u2581', '<unk>', '</s>'])
    expect(pieces('☃☃😀 lake')).toEqual(['<s>', '\u2581', '<unk>', '\u2581lake', '</s>'])
    expect(pieces('😀')).toEqual(['<s>', '\u2581', '<unk>', '</s>'])
  })

  it('never reads special tokens out of the text', () => {
    expect(tokenizer.encode('<s>', 64).slice(1, -1)).not.toContain(0)
    expect(pieces('<s>')).toEqual(['<s>', '\u2581', '<unk>', 's', '<unk>', '</s>'])
  })

  it('truncates to the maximum length, keeping </s>', () => {
    expect(pieces('acme corporation data lake', 4)).toEqual(['<s>', '\u2581acme', '\u2581corp', '</s>'])
    expect(tokenizer.encode('a b c d e f g h', 6)).toHaveLength(6)
  })

  it('rejects files that are not an XLM-R Unigram tokenizer, naming the file', async () => {
    expect(() => createXlmrTokenizer({ model: { type: 'BPE', vocab: [] } }, 'x/tokenizer.json')).toThrow(
      'x/tokenizer.json: expected a Unigram tokenizer (XLM-RoBERTa / bge-m3), got "BPE"',
    )
    expect(() => createXlmrTokenizer({ model: { type: 'Unigram', vocab: [['a', 'b']] } })).toThrow(
      /vocab entry 0 is not a \[piece, score\] pair/,
    )
    await writeFile(path.join(dir, 'broken.json'), '{')
    await expect(loadXlmrTokenizer(path.join(dir, 'broken.json'))).rejects.toThrow(
      /cannot read tokenizer .*broken\.json/,
    )
  })
})
