import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import { createLogger } from '@revops/engine/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { announceLocalKey } from './local-key.ts'
import type { Runtime } from './runtime.ts'

const db = useTestDatabase()
let dataDir: string

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('demo', 'Demo')`
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-key-'))
})
afterAll(() => rm(dataDir, { recursive: true, force: true }))

function runtimeWith(lines: string[]): Runtime {
  return {
    sql: db.sql,
    tenantId: 'demo',
    database: { mode: 'embedded' },
    env: { dataDir },
    log: createLogger({ format: 'json', write: (line) => lines.push(line) }),
  } as unknown as Runtime
}

describe('the local API key', () => {
  it('is shown on a terminal as the sign-in link, and never written to the log', async () => {
    const logged: string[] = []
    const shown: string[] = []
    const key = await announceLocalKey(runtimeWith(logged), 'http://localhost:3000', {
      terminal: { isTTY: true, write: (text) => shown.push(text) },
    })
    expect(key).toMatch(/^rk_/)
    expect(shown.join('')).toContain(`http://localhost:3000/#key=${key}`)
    expect(logged.join('\n')).not.toContain(key!)

    // Without a terminal (a service, a log file), only where the key is kept.
    const quiet: string[] = []
    const again = await announceLocalKey(runtimeWith(quiet), 'http://localhost:3000', {
      terminal: { isTTY: false, write: () => expect.unreachable('nothing is written without a terminal') },
    })
    expect(again).toBe(key)
    expect(quiet.join('\n')).not.toContain(key!)
    expect(quiet.join('\n')).toContain('local-api-key')
  })
})
