import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { useTestDatabase } from '@revops/db/testing'
import { findApiKey } from '@revops/engine/tenancy'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../../..')
const db = useTestDatabase()

/** Runs the real CLI against the test database. */
function revops(...args: string[]) {
  return run(process.execPath, [path.join(ROOT, 'cli/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
  })
}

describe('revops keys', () => {
  it('creates a key shown once, lists it by prefix, and revokes it', async () => {
    const created = await revops('keys', 'create', '--name', 'finance-dashboard')
    const key = created.stdout.trim()
    expect(key).toMatch(/^rk_[A-Za-z0-9_-]{20,}$/)
    expect(await findApiKey(db.sql, key)).toMatchObject({ tenantId: 'demo', name: 'finance-dashboard' })
    const [stored] = await db.sql`select key_hash from ops.api_keys where name = 'finance-dashboard'`
    expect(stored!.key_hash).not.toContain(key)

    const listed = await revops('keys', 'list')
    expect(listed.stdout).toContain(key.slice(0, 10))
    expect(listed.stdout).toContain('finance-dashboard')
    expect(listed.stdout).not.toContain(key)

    await revops('keys', 'revoke', key.slice(0, 10))
    expect(await findApiKey(db.sql, key)).toBeNull()
  })

  it('says what is wrong when the key to revoke is unknown', async () => {
    await expect(revops('keys', 'revoke', 'rk_nothing')).rejects.toMatchObject({
      stderr: expect.stringMatching(/rk_nothing/),
    })
  })
})
