import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureLocalApiKey, findApiKey } from './api-keys.ts'

const db = useTestDatabase()
let root: string

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  root = await mkdtemp(path.join(tmpdir(), 'revops-keys-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('ensureLocalApiKey', () => {
  it('creates the key and its folder once, then reuses the key it kept', async () => {
    // The data folder does not exist when the embedded database lives elsewhere.
    const file = path.join(root, 'not-yet', '.data', 'local-api-key')
    const first = await ensureLocalApiKey(db.sql, 'acme', file)
    expect(first.created).toBe(true)
    expect((await readFile(file, 'utf8')).trim()).toBe(first.key)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await findApiKey(db.sql, first.key)).toMatchObject({ tenantId: 'acme', name: 'local' })
    expect(await ensureLocalApiKey(db.sql, 'acme', file)).toEqual({ key: first.key, created: false })
  })
})
