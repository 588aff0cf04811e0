import { describe, expect, it } from 'vitest'
import { cosine } from './embedder.ts'
import { createPartitionIndex } from './memory-partition.ts'
import { clusteredVectors } from './vector-index.contract.ts'

const options = { exactBelow: 50, m: 16, efConstruction: 64, efSearch: 100 }

function bruteForce(vectors: Map<string, Float32Array>, query: Float32Array, k: number): string[] {
  return [...vectors]
    .map(([entityId, vector]) => ({ entityId, similarity: cosine(vector, query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k)
    .map((n) => n.entityId)
}

describe('createPartitionIndex', () => {
  it('searches exactly while small and through the graph once built, with the same answers', async () => {
    const index = createPartitionIndex(options)
    const vectors = new Map(clusteredVectors(200, { seed: 1, spread: 0.3 }).map((v, i) => [`e${i}`, v]))
    for (const [entityId, vector] of vectors) index.upsert(entityId, 'h', vector)
    const query = clusteredVectors(1, { seed: 1, spread: 0.3 })[0]!
    const exact = index.search(query, 10)
    expect(index.usesGraph).toBe(false)
    expect(exact.map((n) => n.entityId)).toEqual(bruteForce(vectors, query, 10))
    await index.buildGraph()
    expect(index.usesGraph).toBe(true)
    const viaGraph = index.search(query, 10)
    expect(viaGraph.map((n) => n.entityId)).toEqual(exact.map((n) => n.entityId))
    viaGraph.forEach((n, i) => {
      expect(n.similarity).toBeCloseTo(exact[i]!.similarity, 4)
    })
  })

  it('keeps changes made while the graph is being built', async () => {
    const index = createPartitionIndex(options)
    const all = clusteredVectors(300, { seed: 2, spread: 0.3 })
    const vectors = new Map(all.slice(0, 200).map((v, i) => [`e${i}`, v]))
    for (const [entityId, vector] of vectors) index.upsert(entityId, 'h', vector)
    const built = index.buildGraph()
    // Changes to slots before and after the build's position, removals, and new entities.
    index.upsert('e0', 'h2', all[250]!)
    vectors.set('e0', all[250]!)
    index.upsert('e199', 'h2', all[251]!)
    vectors.set('e199', all[251]!)
    for (let i = 200; i < 240; i++) {
      index.upsert(`e${i}`, 'h', all[i]!)
      vectors.set(`e${i}`, all[i]!)
    }
    const keep = new Set([...vectors.keys()].filter((id) => id !== 'e1' && id !== 'e150'))
    expect(index.retainOnly(keep)).toBe(2)
    vectors.delete('e1')
    vectors.delete('e150')
    expect(index.usesGraph).toBe(false)
    await built
    expect(index.usesGraph).toBe(true)
    expect(index.size).toBe(238)
    for (const probe of [all[250]!, all[251]!, all[1]!, all[220]!]) {
      expect(index.search(probe, 5).map((n) => n.entityId)).toEqual(bruteForce(vectors, probe, 5))
    }
    expect(index.search(all[0]!, 300)).toHaveLength(238)
    index.upsert('late', 'h', all[260]!)
    expect(index.search(all[260]!, 1)[0]).toEqual({ entityId: 'late', similarity: expect.closeTo(1, 4) })
  })

  it('squeezes out holes in exact mode and refuses vectors of another width', () => {
    const index = createPartitionIndex({ ...options, exactBelow: 10_000 })
    const vectors = clusteredVectors(400, { seed: 3, spread: 0.3 })
    for (const [i, vector] of vectors.entries()) index.upsert(`e${i}`, 'h', vector)
    expect(index.retainOnly(new Set(vectors.slice(0, 100).map((_, i) => `e${i}`)))).toBe(300)
    expect(index.size).toBe(100)
    expect(index.search(vectors[42]!, 1)[0]!.entityId).toBe('e42')
    expect(index.search(vectors[300]!, 200)).toHaveLength(100)
    expect(() => index.upsert('x', 'h', new Float32Array(8))).toThrow(
      /vector of 8 dimensions in a partition of 1024/,
    )
  })
})
