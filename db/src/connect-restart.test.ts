import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type Sql } from './connect.ts'
import { type RestartableServer, startRestartableServer } from './testing/index.ts'

let server: RestartableServer
let sql: Sql

beforeAll(async () => {
  server = await startRestartableServer()
  sql = connect(server.url, { max: 2, connectTimeout: 2 })
})
afterAll(async () => {
  await sql?.end({ timeout: 5 })
  await server?.dispose()
})

/** Retries a query until it answers or the deadline passes. */
async function answersWithin(ms: number): Promise<number> {
  const started = Date.now()
  for (;;) {
    try {
      const [row] = await sql`select 1 as one`
      return row!.one as number
    } catch (error) {
      if (Date.now() - started > ms) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

describe('connect: the database restarts under a running client', () => {
  it('fails fast while the server is down and answers again once it is back, without a new client', async () => {
    expect(await answersWithin(1000)).toBe(1)
    await server.stop()
    // Every pooled connection is tried (max 2) and each failure frees its slot: none may hang.
    for (let attempt = 0; attempt < 4; attempt++) {
      const started = Date.now()
      await expect(sql`select 1`).rejects.toMatchObject({
        code: expect.stringMatching(/ECONNREFUSED|CONNECTION/),
      })
      expect(Date.now() - started).toBeLessThan(3000)
    }
    await server.start()
    expect(await answersWithin(5000)).toBe(1)
  })
})
