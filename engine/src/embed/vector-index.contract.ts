// The behaviour every VectorIndex promises, run against each implementation (pgvector on PGlite, the
// in-process index on PostgreSQL without pgvector) by the test files beside it.
import type { Sql } from '@revops/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../shared/seeded-random.ts'
import { cosine, normalizeInPlace } from './embedder.ts'
import { type EmbeddingRow, upsertEmbeddings } from './embedding-writes.ts'
import type { VectorIndex } from './vector-index.ts'

export interface VectorIndexContractContext {
  sql: Sql
  openIndex(): Promise<VectorIndex>
}

const DIMENSIONS = 1024

/** Deterministic unit vectors around `clusters` centres, so nearest neighbours are well defined. */
export function clusteredVectors(
  count: number,
  options: { seed: number; clusters?: number; spread?: number },
) {
  const random = seededRandom(options.seed)
  const centres = Array.from({ length: options.clusters ?? 8 }, () =>
    Float32Array.from({ length: DIMENSIONS }, () => random() - 0.5),
  )
  return Array.from({ length: count }, (_, i) => {
    const centre = centres[i % centres.length]!
    return normalizeInPlace(Float32Array.from(centre, (x) => x + (random() - 0.5) * (options.spread ?? 0.6)))
  })
}

/** Registers the contract's cases for one implementation. */
export function describeVectorIndexContract(name: string, context: () => VectorIndexContractContext): void {
  // Model names unique to this run, so several runs can share one database.
  const run = Math.random().toString(36).slice(2, 8)
  const put = (tenantId: string, model: string, rows: Partial<EmbeddingRow>[], textKind = 'identity') =>
    upsertEmbeddings(
      context().sql,
      tenantId,
      `${model}-${run}`,
      rows.map((row, i) => ({
        entityKind: 'odoo_opportunity',
        entityId: String(i),
        textKind: textKind as EmbeddingRow['textKind'],
        textHash: `h${i}`,
        vector: new Float32Array(DIMENSIONS),
        sparse: null,
        ...row,
      })),
    )
  const query = (model: string, vector: Float32Array, k: number, tenantId = 'acme') => ({
    tenantId,
    entityKind: 'odoo_opportunity',
    textKind: 'identity',
    model: `${model}-${run}`,
    vector,
    k,
  })

  describe(`${name}: vector index contract`, () => {
    beforeAll(async () => {
      await context().sql`
        insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme'), ('globex', 'Globex')
        on conflict do nothing`
    })

    it('finds the same nearest neighbours as brute force, most similar first', async () => {
      const vectors = clusteredVectors(300, { seed: 1 })
      await put(
        'acme',
        'm-exact',
        vectors.map((vector) => ({ vector })),
      )
      const index = await context().openIndex()
      for (const probe of clusteredVectors(5, { seed: 1 }).map((v, i) => (i % 2 ? v : vectors[i * 37]!))) {
        const found = await index.nearest(query('m-exact', probe, 10))
        const expected = vectors
          .map((vector, i) => ({ entityId: String(i), similarity: cosine(vector, probe) }))
          .sort((a, b) => b.similarity - a.similarity)
          .slice(0, 10)
        expect(found.map((n) => n.entityId)).toEqual(expected.map((n) => n.entityId))
        found.forEach((n, i) => {
          expect(n.similarity).toBeCloseTo(expected[i]!.similarity, 4)
        })
      }
      await index.close()
    })

    it('never mixes tenants, entity kinds, text kinds or models', async () => {
      const [mine, probe] = clusteredVectors(2, { seed: 2 }) as [Float32Array, Float32Array]
      // Copies of the probe itself everywhere else: the best matches, were isolation broken.
      await put('acme', 'm-iso', [{ vector: mine }])
      await put('globex', 'm-iso', [{ entityId: 'g', vector: probe }])
      await put('acme', 'm-iso-other', [{ entityId: 'o', vector: probe }])
      await put('acme', 'm-iso', [{ entityId: 'c', vector: probe }], 'context')
      await put('acme', 'm-iso', [{ entityId: 'a', vector: probe, entityKind: 'ace_opportunity' }])
      const index = await context().openIndex()
      expect((await index.nearest(query('m-iso', probe, 5))).map((n) => n.entityId)).toEqual(['0'])
      expect((await index.nearest(query('m-iso', probe, 5, 'globex'))).map((n) => n.entityId)).toEqual(['g'])
      expect(await index.nearest(query('m-none', probe, 5))).toEqual([])
      await index.close()
    })

    it('returns every row when k is larger than the partition', async () => {
      const vectors = clusteredVectors(7, { seed: 3 })
      await put(
        'acme',
        'm-small',
        vectors.map((vector) => ({ vector })),
      )
      const index = await context().openIndex()
      const found = await index.nearest(query('m-small', vectors[0]!, 50))
      expect(found.map((n) => n.entityId).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6'])
      expect(found[0]).toEqual({ entityId: '0', similarity: expect.closeTo(1, 4) })
      for (let i = 1; i < found.length; i++)
        expect(found[i]!.similarity).toBeLessThanOrEqual(found[i - 1]!.similarity)
      await index.close()
    })

    it('fills k from a small partition even when other tenants crowd the neighbourhood', async () => {
      const crowd = clusteredVectors(400, { seed: 4, clusters: 2, spread: 0.2 })
      await put(
        'globex',
        'm-crowd',
        crowd.map((vector) => ({ vector })),
      )
      const own = clusteredVectors(20, { seed: 5 })
      await put(
        'acme',
        'm-crowd',
        own.map((vector) => ({ vector })),
      )
      const index = await context().openIndex()
      const found = await index.nearest(query('m-crowd', crowd[0]!, 10))
      const expected = own
        .map((vector, i) => ({ entityId: String(i), similarity: cosine(vector, crowd[0]!) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 10)
      expect(found.map((n) => n.entityId)).toEqual(expected.map((n) => n.entityId))
      await index.close()
    })

    it('sees new, changed and deleted vectors after refresh', async () => {
      const vectors = clusteredVectors(30, { seed: 6 })
      await put(
        'acme',
        'm-update',
        vectors.map((vector) => ({ vector })),
      )
      const index = await context().openIndex()
      const probe = clusteredVectors(1, { seed: 60 })[0]!
      const before = await index.nearest(query('m-update', probe, 3))
      expect(before.map((n) => n.entityId)).not.toContain('5')
      const gone = before[0]!.entityId
      await put('acme', 'm-update', [
        { entityId: '5', textHash: 'changed', vector: probe },
        {
          entityId: 'new',
          textHash: 'new',
          vector: normalizeInPlace(probe.map((x, i) => (i < 10 ? -x : x))),
        },
      ])
      await context().sql`
        delete from search.embeddings
        where tenant_id = 'acme' and model = ${`m-update-${run}`} and entity_id = ${gone}`
      await index.refresh?.()
      const after = await index.nearest(query('m-update', probe, 40))
      expect(after.map((n) => n.entityId).slice(0, 2)).toEqual(['5', 'new'])
      expect(after[0]!.similarity).toBeCloseTo(1, 4)
      expect(after).toHaveLength(30)
      expect(after.map((n) => n.entityId)).not.toContain(gone)
      await index.close()
    })

    it('searches vectors of other widths (small test models) exactly', async () => {
      const small = [
        [1, 0, 0, 0],
        [0.9, 0.1, 0, 0],
        [0, 1, 0, 0],
      ].map((v) => normalizeInPlace(Float32Array.from(v)))
      await upsertEmbeddings(
        context().sql,
        'acme',
        `m-tiny-${run}`,
        small.map((vector, i) => ({
          entityKind: 'odoo_opportunity',
          entityId: `t${i}`,
          textKind: 'identity',
          textHash: `h${i}`,
          vector,
          sparse: null,
        })),
      )
      const index = await context().openIndex()
      const found = await index.nearest(query('m-tiny', Float32Array.from([1, 0.05, 0, 0]), 2))
      expect(found.map((n) => n.entityId)).toEqual(['t0', 't1'])
      await index.close()
    })
  })
}
