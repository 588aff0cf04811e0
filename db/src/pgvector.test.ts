import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type Sql } from './connect.ts'
import { migrate } from './migrate.ts'
import { type PgliteServer, startPgliteServer } from './testing/pglite-server.ts'

// The same migrations on PostgreSQL with pgvector (PGlite here, production's Postgres 16+ alike).
describe('migrations with pgvector', () => {
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

  it('installs vector and an HNSW expression index over the real[] embeddings', async () => {
    const [extension] = await sql`select extversion from pg_extension where extname = 'vector'`
    expect(extension).toBeDefined()
    const [index] = await sql`select indexdef from pg_indexes where indexname = 'embeddings_hnsw_idx'`
    expect(index!.indexdef).toMatch(/USING hnsw \(\(\(embedding\)::vector\(1024\)\) vector_cosine_ops\)/)
  })

  it('answers nearest-neighbour queries through the index', async () => {
    await sql`insert into ops.tenants values ('demo', 'Demo')`
    const vectorFor = (i: number) => Array.from({ length: 1024 }, (_, j) => Math.sin(i * 7 + j))
    for (let i = 0; i < 50; i++) {
      await sql`
        insert into search.embeddings (tenant_id, entity_kind, entity_id, text_kind, model, dimensions, text_hash, embedding)
        values ('demo', 'odoo_opportunity', ${String(i)}, 'identity', 'test', 1024, 'h', ${vectorFor(i)}::real[])`
    }
    const query = vectorFor(21)
    await sql`set enable_seqscan = off`
    const plan = await sql`
      explain select entity_id from search.embeddings where dimensions = 1024
      order by embedding::vector(1024) <=> ${query}::real[]::vector(1024) limit 5`
    expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('embeddings_hnsw_idx')
    const [nearest] = await sql`
      select entity_id from search.embeddings where dimensions = 1024
      order by embedding::vector(1024) <=> ${query}::real[]::vector(1024) limit 1`
    expect(nearest!.entity_id).toBe('21')
  })
})
