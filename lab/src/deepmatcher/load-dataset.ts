// Reads a dataset in the DeepMatcher layout: tableA.csv and tableB.csv (an `id` column plus
// attributes) and train/valid/test.csv (ltable_id, rtable_id, label).
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ValidationError } from '@revops/engine/shared'
import { parseCsvObjects } from './parse-csv.ts'

export interface LabelledPair {
  left: string
  right: string
  label: boolean
}

export interface DeepMatcherDataset {
  name: string
  attributes: string[]
  tableA: Record<string, string>[]
  tableB: Record<string, string>[]
  splits: Record<'train' | 'valid' | 'test', LabelledPair[]>
}

export async function loadDeepMatcherDataset(dir: string): Promise<DeepMatcherDataset> {
  const file = (name: string) => path.join(dir, name)
  for (const name of ['tableA.csv', 'tableB.csv', 'test.csv']) {
    if (!existsSync(file(name)))
      throw new ValidationError(`${dir} is not a DeepMatcher dataset: ${name} is missing`)
  }
  const read = async (name: string) =>
    existsSync(file(name)) ? parseCsvObjects(await readFile(file(name), 'utf8')) : []
  const [tableA, tableB, train, valid, test] = (await Promise.all(
    ['tableA.csv', 'tableB.csv', 'train.csv', 'valid.csv', 'test.csv'].map(read),
  )) as Record<string, string>[][]
  const pairs = (rows: Record<string, string>[]) =>
    rows.map((row) => ({ left: row.ltable_id!, right: row.rtable_id!, label: row.label === '1' }))
  const attributesA = Object.keys(tableA![0] ?? {}).filter((c) => c !== 'id')
  const attributesB = new Set(Object.keys(tableB![0] ?? {}))
  return {
    name: path.basename(path.resolve(dir, dir.endsWith('deepmatcher') ? '..' : '.')),
    attributes: attributesA.filter((c) => attributesB.has(c)),
    tableA: tableA!,
    tableB: tableB!,
    splits: { train: pairs(train!), valid: pairs(valid!), test: pairs(test!) },
  }
}
