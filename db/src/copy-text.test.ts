import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { copyRow } from './copy-text.ts'
import { useTestDatabase } from './testing/index.ts'

const db = useTestDatabase({ empty: true })

describe('copyRow', () => {
  it('round-trips awkward values through COPY', async () => {
    await db.sql`create table t (a text, b text[], c jsonb, d double precision, e text)`
    const rows = [
      ['tab\there', ['x', 'y "quoted"', 'back\\slash', 'com,ma'], { note: 'line\nbreak', n: 1 }, 0.125, null],
      ['\\N literal', [], [], -1e-9, 'ünïcode'],
    ]
    const writable = await db.sql`copy t from stdin`.writable()
    // JSON goes in as text (a JavaScript array would be written as a PostgreSQL array).
    await pipeline(
      Readable.from(rows.map((row) => copyRow([row[0], row[1], JSON.stringify(row[2]), row[3], row[4]]))),
      writable,
    )
    const back = await db.sql`select a, b, c, d, e from t order by d desc`
    expect(back.map((r) => [r.a, r.b, r.c, r.d, r.e])).toEqual(rows)
  })
})
