import { describe, expect, it } from 'vitest'
import { jaroWinkler } from './jaro-winkler.ts'
import { levenshtein, levenshteinRatio } from './levenshtein.ts'
import { buildIdf, sparseCosine, tfidfVector } from './tfidf.ts'
import { charNgrams, codeTokens, wordTokens } from './tokens.ts'

describe('string similarity', () => {
  it('scores Jaro–Winkler like the reference implementation', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4)
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('abc', 'abc')).toBe(1)
    expect(jaroWinkler('', 'abc')).toBe(0)
  })

  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3)
    expect(levenshteinRatio('acme', 'acme')).toBe(1)
    expect(levenshteinRatio('acme', '')).toBe(0)
  })
})

describe('TF-IDF', () => {
  it('weighs rare words above common ones', () => {
    const documents = [
      ['apex', 'dental', 'group'],
      ['apex', 'digital', 'group'],
      ['zyphr', 'group'],
      ['north', 'group'],
    ]
    const idf = buildIdf(documents)
    expect(idf.idf('zyphr')).toBeGreaterThan(idf.idf('group'))
    const a = tfidfVector(['apex', 'dental', 'group'], idf)
    const b = tfidfVector(['apex', 'digital', 'group'], idf)
    const c = tfidfVector(['zyphr', 'group'], idf)
    expect(sparseCosine(a, a)).toBeCloseTo(1, 6)
    expect(sparseCosine(a, b)).toBeGreaterThan(sparseCosine(a, c))
    expect(sparseCosine(a, b)).toBeLessThan(0.7)
  })
})

describe('tokens', () => {
  it('folds words and extracts identifier-like codes', () => {
    expect(wordTokens('Société Générale, S.A.')).toEqual(['societe', 'generale', 's', 'a'])
    expect(codeTokens('Sony Bravia KDL-40V4100 40" LCD')).toEqual(['kdl40v4100'])
    expect(codeTokens('ISBN 9780262033848 and the year 2009')).toEqual(['9780262033848'])
    expect(charNgrams('ab')).toEqual(['#ab', 'ab#'])
  })
})
