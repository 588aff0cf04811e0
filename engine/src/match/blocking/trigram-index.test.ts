import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { createTrigramIndex, trigramSimilarity, trigramsOf } from './trigram-index.ts'

const db = useTestDatabase({ empty: true })

describe('trigram index', () => {
  it('computes the same similarity as pg_trgm', async () => {
    await db.sql`create extension if not exists pg_trgm`
    const pairs = [
      ['apex dental group', 'apex digital group'],
      ['müller', 'muller gmbh'],
      ['acme', 'acme'],
      ['northwind traders', 'north wind trading'],
      ['a', 'b'],
    ]
    for (const [a, b] of pairs) {
      const [row] = await db.sql<
        { s: number }[]
      >`select similarity(${a!.normalize('NFKD').replace(/\p{M}/gu, '')}, ${b!}) as s`
      expect(trigramSimilarity(trigramsOf(a!), trigramsOf(b!))).toBeCloseTo(row!.s, 5)
    }
  })

  it('finds the most similar values above a threshold, best first', () => {
    const index = createTrigramIndex([
      { id: '1', value: 'apex dental group' },
      { id: '2', value: 'apex digital group' },
      { id: '3', value: 'zyphr systems' },
      { id: '4', value: 'apex dental' },
    ])
    const found = index.nearest('apex dental grp', 0.3, 2)
    expect(found.map((f) => f.id)).toEqual(['4', '1'])
    expect(index.nearest('zyphr', 0.3, 5).map((f) => f.id)).toEqual(['3'])
    expect(index.nearest('', 0.3, 5)).toEqual([])
  })
})
