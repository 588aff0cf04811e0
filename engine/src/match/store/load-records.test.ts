import { useTestDatabase } from '@revops/db/testing'
import { createDemoFixture, type DemoFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embedPending } from '../../embed/embed-pending.ts'
import { createLexicalEmbedder } from '../../embed/lexical-embedder.ts'
import { silentLogger } from '../../shared/logger.ts'
import { loadMatchingConfig } from '../config/load-matching-config.ts'
import type { MatchingConfig } from '../config/matching-config.ts'
import { loadRecords } from './load-records.ts'
import { createVectorCache } from './vector-cache.ts'

const db = useTestDatabase()
let fixture: DemoFixture
let config: MatchingConfig

beforeAll(async () => {
  fixture = await createDemoFixture(db, {
    size: { companies: 40, odooOpportunities: 60, aceOpportunities: 40, billingMonths: 1 },
  })
  config = await loadMatchingConfig(fixture.tenant)
  await embedPending({ sql: db.sql, tenantId: 'demo', embedder: createLexicalEmbedder(), log: silentLogger })
}, 120_000)
afterAll(() => fixture.dispose())

describe('loadRecords with a vector cache', () => {
  it('reads only vectors embedded since the last load, and gives the same vectors as a fresh read', async () => {
    const cache = createVectorCache()
    const first = await loadRecords(db.sql, 'demo', config.right, { vectorCache: cache })
    const withVectors = first.records.filter((r) => r.values.identity_vector instanceof Float32Array)
    expect(withVectors.length).toBe(first.records.length)
    const [changed, unchanged] = withVectors
    await db.sql`
      update search.embeddings set embedding = array_fill(0.5::real, array[dimensions]), updated_at = now()
      where tenant_id = 'demo' and entity_kind = ${config.right.entity} and entity_id = ${changed!.id}
        and text_kind = 'identity'`

    const second = await loadRecords(db.sql, 'demo', config.right, { vectorCache: cache })
    const fresh = await loadRecords(db.sql, 'demo', config.right, { vectorCache: null })
    const byId = (side: typeof second, id: string) => side.records.find((r) => r.id === id)!.values
    // The re-embedded vector is read again; the untouched one is the very array read before.
    expect((byId(second, changed!.id).identity_vector as Float32Array)[0]).toBe(0.5)
    expect(byId(second, unchanged!.id).identity_vector).toBe(unchanged!.values.identity_vector)
    for (const record of fresh.records) {
      expect(Array.from(byId(second, record.id).identity_vector as Float32Array)).toEqual(
        Array.from(record.values.identity_vector as Float32Array),
      )
      expect(byId(second, record.id).context_vector_sparse ?? null).toEqual(
        record.values.context_vector_sparse ?? null,
      )
    }
  })

  it('forgets the vectors of records whose embeddings were removed', async () => {
    const cache = createVectorCache()
    const first = await loadRecords(db.sql, 'demo', config.right, { vectorCache: cache })
    const gone = first.records[0]!.id
    await db.sql`delete from search.embeddings where tenant_id = 'demo' and entity_id = ${gone}
                 and entity_kind = ${config.right.entity}`
    const second = await loadRecords(db.sql, 'demo', config.right, { vectorCache: cache })
    expect(second.records.find((r) => r.id === gone)!.values.identity_vector ?? null).toBeNull()
  })
})
