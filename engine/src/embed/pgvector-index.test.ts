import { connect, migrate, type Sql } from '@revops/db'
import { type PgliteServer, startPgliteServer } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vectorLiteral } from './pgvector-index.ts'
import { clusteredVectors, describeVectorIndexContract } from './vector-index.contract.ts'
import { openVectorIndex } from './vector-index.ts'

// PostgreSQL with pgvector (PGlite + its pgvector extension over the wire protocol).
let server: PgliteServer
let sql: Sql

beforeAll(async () => {
  server = await startPgliteServer()
  sql = connect(server.url, { max: 1 })
  await migrate(sql)
}, 60_000)
afterAll(async () => {
  await sql.end()
  await server.close()
})

describeVectorIndexContract('pgvector', () => ({ sql, openIndex: () => openVectorIndex(sql) }))

describe('openVectorIndex with pgvector', () => {
  it('chooses pgvector, whose query the HNSW expression index can serve', async () => {
    expect((await openVectorIndex(sql)).kind).toBe('pgvector')
    const literal = vectorLiteral(clusteredVectors(1, { seed: 9 })[0]!)
    // On a tiny table the planner rightly prefers the b-tree and a sort; forbidding sorts shows the
    // query's ordering expression matches the HNSW expression index (what large partitions use).
    const plan = await sql.begin(async (tx) => {
      await tx`set local enable_sort = off`
      return tx`
        explain select entity_id, embedding::vector(1024) <=> ${literal}::vector(1024) as distance
        from search.embeddings
        where tenant_id = 'acme' and entity_kind = 'odoo_opportunity' and text_kind = 'identity'
          and model = 'm' and dimensions = 1024
        order by distance limit 10`
    })
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('embeddings_hnsw_idx')
  })
})
