import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyAttribute } from './auto-config.ts'
import { evaluateDeepMatcher } from './evaluate-deepmatcher.ts'
import { loadDeepMatcherDataset } from './load-dataset.ts'
import { parseCsv } from './parse-csv.ts'

describe('parseCsv', () => {
  it('handles quotes, doubled quotes and newlines inside fields', () => {
    expect(parseCsv('a,b\n1,"x, ""y""\nz"\n')).toEqual([
      ['a', 'b'],
      ['1', 'x, "y"\nz'],
    ])
  })
})

describe('classifyAttribute', () => {
  it('tells years, numbers, short and long text apart', () => {
    expect(classifyAttribute(['1999', '2001', '', '1987'])).toBe('year')
    expect(classifyAttribute(['19.99', '$1,200', '5'])).toBe('number')
    expect(classifyAttribute(['sony tv', 'acme widget'])).toBe('short_text')
    expect(classifyAttribute([Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')])).toBe('long_text')
  })
})

describe('evaluateDeepMatcher', () => {
  it('matches a small two-table problem without labels', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dm-'))
    const products = [
      'acme rocket skates rs-200',
      'zyx toaster t1000',
      'nimbus broom nb2000',
      'omni kettle k5x',
      'lumen lamp l300',
      'apex mouse m8a',
      'vertex monitor v27q',
      'orbit speaker os11',
      'pulse watch pw3',
      'terra drill td40',
    ]
    const tableA = ['id,name,price', ...products.map((p, i) => `${i},${p},${10 + i}`)].join('\n')
    const tableB = [
      'id,name,price',
      ...products.map((p, i) => `${i},"${p.toUpperCase().replace(' ', '  ')} deluxe",${10 + i}`),
    ].join('\n')
    const pairs = ['ltable_id,rtable_id,label']
    for (let i = 0; i < products.length; i++)
      for (const j of [i, (i + 1) % products.length, (i + 3) % products.length])
        pairs.push(`${i},${j},${i === j ? 1 : 0}`)
    await writeFile(path.join(dir, 'tableA.csv'), tableA)
    await writeFile(path.join(dir, 'tableB.csv'), tableB)
    await writeFile(path.join(dir, 'test.csv'), pairs.join('\n'))
    try {
      const run = evaluateDeepMatcher(await loadDeepMatcherDataset(dir), 'test')
      expect(run.metrics.f1).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  const dblp = path.resolve(import.meta.dirname, '../../../../shared/benchdata/DBLP-ACM/deepmatcher')
  it.skipIf(!existsSync(dblp))('reaches F1 ≥ 0.96 on DBLP-ACM (test split) without labels', async () => {
    const run = evaluateDeepMatcher(await loadDeepMatcherDataset(dblp), 'test')
    expect(run.metrics.f1).toBeGreaterThanOrEqual(0.96)
  })
})
