import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { describeSchema } from './schema-snapshot.ts'
import { useTestDatabase } from './testing/index.ts'

const db = useTestDatabase()

describe('db/schema.txt', () => {
  it('describes the migrated schema (run `npm run db:schema` after adding a migration)', async () => {
    const committed = await readFile(new URL('../schema.txt', import.meta.url), 'utf8')
    expect(committed).toBe(await describeSchema(db.sql))
  })
})
