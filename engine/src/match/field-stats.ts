// Statistics over both sides of a matching problem that comparisons need: IDF tables per field and
// how common each exact value is (for term-frequency adjustments).
import type { MatchRecord } from './record.ts'
import { buildIdf, type IdfTable } from './similarity/tfidf.ts'

export interface FieldStats {
  /** IDF of the tokens `tokenize` yields for `field`, over both sides (computed on first use). */
  idf(field: string, tokenize: (record: MatchRecord) => string[]): IdfTable
  /** Share of records (both sides) whose `key` equals `value`. */
  valueFrequency(key: string, value: string, extract: (record: MatchRecord) => string[]): number
}

export function createFieldStats(records: MatchRecord[]): FieldStats {
  const idfTables = new Map<string, IdfTable>()
  const valueCounts = new Map<string, Map<string, number>>()
  return {
    idf(field, tokenize) {
      let table = idfTables.get(field)
      if (!table) {
        table = buildIdf(records.map(tokenize))
        idfTables.set(field, table)
      }
      return table
    },
    valueFrequency(key, value, extract) {
      let counts = valueCounts.get(key)
      if (!counts) {
        counts = new Map()
        for (const record of records) {
          for (const v of new Set(extract(record))) counts.set(v, (counts.get(v) ?? 0) + 1)
        }
        valueCounts.set(key, counts)
      }
      return (counts.get(value) ?? 0) / Math.max(1, records.length)
    },
  }
}
