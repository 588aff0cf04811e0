import { describe, expect, it } from 'vitest'
import { batchCopyRows, decodeCopyTextField, parseCopyTextRow } from './copy-batches.ts'

async function collect(pieces: string[], size: number) {
  const out = []
  for await (const batch of batchCopyRows(
    (async function* () {
      for (const piece of pieces) yield Buffer.from(piece)
    })(),
    size,
  )) {
    out.push({
      text: Buffer.concat(batch.chunks).toString(),
      rows: batch.rows,
      last: batch.lastRow.toString(),
    })
  }
  return out
}

describe('batchCopyRows', () => {
  it('groups rows into batches whatever the chunk boundaries', async () => {
    const rows = ['1\ta\n', '2\tb\n', '3\tc\n', '4\td\n', '5\te\n']
    const whole = rows.join('')
    // Every way of cutting the stream in two gives the same batches.
    for (let cut = 0; cut <= whole.length; cut++) {
      const batches = await collect([whole.slice(0, cut), whole.slice(cut)], 2)
      expect(batches).toEqual([
        { text: '1\ta\n2\tb\n', rows: 2, last: '2\tb' },
        { text: '3\tc\n4\td\n', rows: 2, last: '4\td' },
        { text: '5\te\n', rows: 1, last: '5\te' },
      ])
    }
  })

  it('yields nothing for an empty stream and rejects a truncated row', async () => {
    expect(await collect([], 10)).toEqual([])
    await expect(collect(['1\ta\n2\tb'], 10)).rejects.toThrow(/middle of a row/)
  })
})

describe('parseCopyTextRow', () => {
  it('decodes escapes and nulls', () => {
    expect(parseCopyTextRow('a\\tb\t\\N\tline\\nnext\tback\\\\slash')).toEqual([
      'a\tb',
      null,
      'line\nnext',
      'back\\slash',
    ])
    expect(decodeCopyTextField('\\x41\\101')).toBe('AA')
  })
})
