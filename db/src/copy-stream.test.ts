import { describe, expect, it } from 'vitest'
import { connect, readCopyStream } from './connect.ts'
import { useTestDatabase } from './testing/index.ts'

const db = useTestDatabase({ empty: true })

describe('readCopyStream', () => {
  it('leaves the connection usable after a slowly consumed COPY (postgres.js#499)', async () => {
    const sql = connect(db.url, { max: 1 })
    try {
      for (let round = 0; round < 6; round++) {
        const readable =
          await sql`copy (select g, repeat('x', 200) from generate_series(1, ${sql.unsafe(String(20000 + round * 777))}) g) to stdout`.readable()
        let bytes = 0
        for await (const chunk of readCopyStream(readable)) {
          bytes += chunk.length
          // A slow consumer fills the stream's buffer, so the socket gets paused near the end.
          if (bytes % 7 === 0) await new Promise((resolve) => setImmediate(resolve))
          await new Promise((resolve) => setTimeout(resolve, 0))
        }
        expect(bytes).toBeGreaterThan(20000 * 200)
        const next = await Promise.race([
          sql`select ${round}::int as round`,
          new Promise((_, reject) => setTimeout(() => reject(new Error('connection hung after COPY')), 3000)),
        ])
        expect(next).toEqual([{ round }])
      }
    } finally {
      await sql.end()
    }
  })
})
