import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../shared/seeded-random.ts'
import { createTrigramIndex, trigramSimilarity, trigramsOf } from './trigram-index.ts'

/** Titles from a small vocabulary: many share words, as deal titles do. */
function titles(count: number, seed: number): string[] {
  const words = (
    'data platform migration cloud analytics lake sap aws move phase ii security landing zone contact ' +
    'center genai pilot backup dr modernize apex dental group northwind render farm eks rds warehouse'
  ).split(' ')
  const random = seededRandom(seed)
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 5) },
      () => words[Math.floor(random() * words.length)],
    ).join(' '),
  )
}

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

  it('finds exactly what comparing every pair finds, posting only the rarest trigrams of each value', () => {
    const right = titles(600, 7).map((value, i) => ({ id: String(i), value }))
    const probes = titles(200, 11)
    for (const threshold of [0.3, 0.5, 0.7, 0.9]) {
      const index = createTrigramIndex(right, { threshold })
      for (const probe of probes) {
        const grams = trigramsOf(probe)
        const expected = right
          .map((entry) => ({ id: entry.id, similarity: trigramSimilarity(grams, trigramsOf(entry.value)) }))
          .filter((hit) => hit.similarity >= threshold)
          .map((hit) => hit.id)
          .sort()
        const found = index.nearest(probe, threshold, Number.MAX_SAFE_INTEGER).map((hit) => hit.id)
        expect(found.sort(), `${probe} at ${threshold}`).toEqual(expected)
      }
    }
  })

  it('answers any threshold at or above the one it was built for, and refuses a lower one', () => {
    const right = titles(300, 3).map((value, i) => ({ id: String(i), value }))
    const full = createTrigramIndex(right)
    const built = createTrigramIndex(right, { threshold: 0.6 })
    for (const probe of titles(50, 5)) {
      expect(built.nearest(probe, 0.8, 10)).toEqual(full.nearest(probe, 0.8, 10))
      expect(built.nearest(probe, 0.6, 10)).toEqual(full.nearest(probe, 0.6, 10))
    }
    expect(() => built.nearest('data platform', 0.3, 10)).toThrow(/answers thresholds from 0.6/)
  })
})
