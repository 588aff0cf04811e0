import { describe, expect, it } from 'vitest'
import { cosine, sparseDot } from './embedder.ts'
import { createLexicalEmbedder, embedLexical, LEXICAL_MODEL } from './lexical-embedder.ts'

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0))

describe('createLexicalEmbedder', () => {
  it('says what it is: a 1024-d lexical model that is not semantic', async () => {
    const embedder = createLexicalEmbedder()
    expect(embedder).toMatchObject({ model: LEXICAL_MODEL, semantic: false, dimensions: 1024 })
    const [one, two] = await embedder.embed(['Acme Corp', 'Globex'])
    expect(one!.dense).toHaveLength(1024)
    expect(two!.dense).toHaveLength(1024)
    expect(norm(one!.dense)).toBeCloseTo(1, 5)
  })

  it('is deterministic', () => {
    expect(embedLexical('Initech Solutions GmbH').dense).toEqual(embedLexical('Initech Solutions GmbH').dense)
  })

  it('puts shared spelling closer than different names', () => {
    const acme = embedLexical('Acme Corporation acme.com')
    expect(cosine(acme.dense, embedLexical('ACME Corp, acme.com').dense)).toBeGreaterThan(0.5)
    expect(cosine(acme.dense, embedLexical('Globex Industries globex.io').dense)).toBeLessThan(0.2)
    const similarity = (a: string, b: string) => cosine(embedLexical(a).dense, embedLexical(b).dense)
    expect(similarity('Northwind Traders', 'Northwind Trading')).toBeGreaterThan(
      similarity('Northwind Traders', 'Contoso Pharmaceuticals') + 0.4,
    )
  })

  it('ignores case and accents', () => {
    expect(embedLexical('Société Générale').dense).toEqual(embedLexical('SOCIETE generale').dense)
  })

  it('does not hash the retrieval instruction', () => {
    const withInstruction = embedLexical('Represent this company name and domain for retrieval: Acme')
    expect(withInstruction.dense).toEqual(embedLexical('Acme').dense)
    expect(Object.keys(withInstruction.sparse!)).toEqual(['acme'])
  })

  it('gives normalised word weights with sublinear term frequency', () => {
    const { sparse } = embedLexical('data data data lake')
    expect(Object.keys(sparse!).sort()).toEqual(['data', 'lake'])
    expect(sparse!.data! / sparse!.lake!).toBeCloseTo(1 + Math.log(3), 5)
    expect(sparseDot(sparse!, sparse!)).toBeCloseTo(1, 5)
  })

  it('gives an all-zero vector for a text without words', () => {
    const { dense, sparse } = embedLexical('  -- ')
    expect(norm(dense)).toBe(0)
    expect(sparse).toEqual({})
  })

  it('handles long texts with thousands of distinct n-grams', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(
      ' ',
    )
    const embedding = embedLexical(long)
    expect(norm(embedding.dense)).toBeCloseTo(1, 5)
    expect(Object.keys(embedding.sparse!)).toHaveLength(3000)
    expect(embedLexical(long).dense).toEqual(embedding.dense)
    expect(cosine(embedLexical('short text').dense, embedLexical('short text').dense)).toBeCloseTo(1, 5)
  })
})
