import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'
import { describeVectorIndexContract } from './vector-index.contract.ts'
import { openVectorIndex } from './vector-index.ts'

// PostgreSQL without pgvector: the in-process index, once exact and once through the hnswlib graph.
const db = useTestDatabase()

describeVectorIndexContract('memory (exact)', () => ({
  sql: db.sql,
  openIndex: () => openVectorIndex(db.sql),
}))

describeVectorIndexContract('memory (hnswlib graph)', () => ({
  sql: db.sql,
  openIndex: () => openVectorIndex(db.sql, { memory: { exactBelow: 5, buildInBackground: false } }),
}))

describe('openVectorIndex without pgvector', () => {
  it('chooses the in-process index, and refuses pgvector when asked for it', async () => {
    expect((await openVectorIndex(db.sql)).kind).toBe('memory')
    await expect(openVectorIndex(db.sql, { prefer: 'pgvector' })).rejects.toThrow(
      /vector extension is not installed/,
    )
  })
})
