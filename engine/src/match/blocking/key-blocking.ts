// In-memory blocking on keys: equal values, or any shared value between two lists. Values carried by
// very many records (a generic domain) are skipped rather than turned into thousands of pairs.
import { foldText } from '../../normalize/fold-text.ts'
import { listValue, type MatchRecord } from '../record.ts'

export interface ProposedPair {
  left: string
  right: string
  rule: string
}

export function blockOnKeys(
  rule: { name: string; left: string; right: string; maxBlock?: number },
  left: MatchRecord[],
  right: MatchRecord[],
): ProposedPair[] {
  const maxBlock = rule.maxBlock ?? 200
  const index = new Map<string, string[]>()
  for (const record of right) {
    for (const value of keys(record, rule.right)) {
      const list = index.get(value)
      if (list) list.push(record.id)
      else index.set(value, [record.id])
    }
  }
  const pairs: ProposedPair[] = []
  for (const record of left) {
    for (const value of keys(record, rule.left)) {
      const matches = index.get(value)
      if (!matches || matches.length > maxBlock) continue
      for (const id of matches) pairs.push({ left: record.id, right: id, rule: rule.name })
    }
  }
  return pairs
}

function keys(record: MatchRecord, field: string): string[] {
  return [
    ...new Set(
      listValue(record, field)
        .map((v) => foldText(String(v)).trim())
        .filter(Boolean),
    ),
  ]
}
