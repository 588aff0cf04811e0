// RUNTIME_LOGINS=given (a deployment, where the roles' passwords are the operator's secrets): the CLI
// changes no role and derives no login; a command that needs a login not given says which variable to set.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { useTestDatabase } from '@revops/db/testing'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
const db = useTestDatabase()

function revops(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, [path.join(ROOT, 'cli/src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', ...env },
    timeout: 60_000,
  })
}

describe('RUNTIME_LOGINS=given', () => {
  it('runs what needs only the owner, and names the missing login of what needs a role', async () => {
    const queued = await revops({ RUNTIME_LOGINS: 'given' }, 'jobs', 'queue', 'normalize')
    expect(queued.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/)
    await expect(revops({ RUNTIME_LOGINS: 'given' }, 'worker')).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /WORKER_DATABASE_URL is not set, and RUNTIME_LOGINS=given derives no login/,
      ),
    })
  })
})
