import { describe, expect, it } from 'vitest'
import { withReviewedPairs } from './reviewed-pairs.ts'

describe('withReviewedPairs', () => {
  const proposed = [{ left: 'a', right: 'x', provenance: ['domain'] }]
  const labels = new Map([
    ['a\u0000x', true],
    ['a\u0000y', false],
    ['b\u0000x', true],
    ['a\u0000gone', true],
  ])

  it('adds reviewed pairs blocking did not propose, for the records being matched only', () => {
    const pairs = withReviewedPairs(proposed, labels, new Set(['a']), new Set(['x', 'y']))
    expect(pairs).toEqual([
      { left: 'a', right: 'x', provenance: ['domain'] },
      { left: 'a', right: 'y', provenance: ['review'] },
    ])
  })

  it('returns a copy of the candidates when nothing was reviewed', () => {
    const pairs = withReviewedPairs(proposed, new Map(), new Set(['a']), new Set(['x']))
    expect(pairs).toEqual(proposed)
    expect(pairs).not.toBe(proposed)
  })
})
