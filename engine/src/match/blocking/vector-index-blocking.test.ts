import { connect, migrate, type Sql } from '@revops/db'
import { type PgliteServer, startPgliteServer } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertEmbeddings } from '../../embed/embedding-writes.ts'
import { createPgvectorIndex } from '../../embed/pgvector-index.ts'
import { clusteredVectors } from '../../embed/vector-index.contract.ts'
import { createRecord } from '../record.ts'
import { blockOnNearest } from './nearest-blocking.ts'
import { blockOnVectorIndex } from './vector-index-blocking.ts'

// Blocking through pgvector (PGlite with its pgvector extension) proposes what exact search proposes.
let server: PgliteServer
let sql: Sql

beforeAll(async () => {
  server = await startPgliteServer()
  sql = connect(server.url, { max: 1 })
  await migrate(sql)
  await sql`insert into ops.tenants values ('acme', 'Acme'), ('other', 'Other')`
}, 60_000)
afterAll(async () => {
  await sql.end()
  await server.close()
})

describe('nearest-neighbour blocking through pgvector', () => {
  it('proposes each left record’s k nearest right records of the tenant and model, as exact search does', async () => {
    const vectors = clusteredVectors(260, { seed: 21 })
    const rightVectors = vectors.slice(0, 200)
    const rows = rightVectors.map((vector, i) => ({
      entityKind: 'odoo_opportunity',
      entityId: `R${i}`,
      textKind: 'identity' as const,
      textHash: `h${i}`,
      vector,
      sparse: null,
    }))
    await upsertEmbeddings(sql, 'acme', 'm1', rows)
    // Neighbours that must never be proposed: another tenant's, and another model's.
    await upsertEmbeddings(sql, 'other', 'm1', rows.slice(0, 50))
    await upsertEmbeddings(
      sql,
      'acme',
      'm2',
      rows.slice(0, 50).map((row) => ({ ...row, entityKind: 'other_kind' })),
    )
    const left = vectors.slice(200).map((vector, i) => createRecord(`L${i}`, { identity_vector: vector }))
    left.push(createRecord('L-none', { identity_vector: null }))
    const right = rightVectors.map((vector, i) => createRecord(`R${i}`, { identity_vector: vector }))
    const rule = { name: 'identity_nearest', left: 'identity_vector', right: 'identity_vector', k: 5 }

    const index = createPgvectorIndex(sql, { extensionVersion: '0.8.0' })
    const target = { tenantId: 'acme', entityKind: 'odoo_opportunity', textKind: 'identity', model: 'm1' }
    const proposed = await blockOnVectorIndex(rule, left, index, target)
    const exact = blockOnNearest(rule, left, right)

    expect(proposed).toHaveLength(60 * 5)
    expect(proposed.every((pair) => pair.rule === 'identity_nearest' && /^R\d+$/.test(pair.right))).toBe(true)
    const key = (pair: { left: string; right: string }) => `${pair.left}>${pair.right}`
    expect(new Set(proposed.map(key))).toEqual(new Set(exact.map(key)))
  })
})
