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
  return blockOnKeyIndex(rule, left, keyIndexOf(right, rule.right))
}

/** Record ids by folded key value: built once per population, then reused for every lookup. */
export type KeyIndex = ReadonlyMap<string, readonly string[]>

export function keyIndexOf(right: readonly MatchRecord[], field: string): KeyIndex {
  const index = new Map<string, string[]>()
  for (const record of right) {
    for (const value of keys(record, field)) {
      const list = index.get(value)
      if (list) list.push(record.id)
      else index.set(value, [record.id])
    }
  }
  return index
}

export function blockOnKeyIndex(
  rule: { name: string; left: string; maxBlock?: number },
  left: readonly MatchRecord[],
  index: KeyIndex,
): ProposedPair[] {
  const maxBlock = rule.maxBlock ?? 200
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
