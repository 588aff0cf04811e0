// Free text (titles, descriptions): TF-IDF cosine over words, so shared rare words count and shared
// filler does not; levels at configurable cosine thresholds.
import type { FieldStats } from '../field-stats.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'
import { sparseCosine, tfidfVector } from '../similarity/tfidf.ts'
import { wordTokens } from '../similarity/tokens.ts'

export function textComparison(
  spec: {
    name: string
    description?: string | undefined
    left: string
    right: string
    thresholds: number[]
    without_words_of?: string | undefined
  },
  stats: FieldStats,
): Comparison<MatchRecord> {
  const strip = spec.without_words_of
  const tokens = (record: MatchRecord, field: string) =>
    cached(record, `words:${field}:${strip ?? ''}`, () => {
      const words = wordTokens(stringValue(record, field))
      if (!strip) return words
      const skip = new Set(wordTokens(stringValue(record, strip)))
      const kept = words.filter((word) => !skip.has(word))
      return kept.length > 0 ? kept : words
    })
  const idf = () =>
    stats.idf(`text:${spec.left}:${spec.right}`, (record) => {
      const left = tokens(record, spec.left)
      return left.length > 0 ? left : tokens(record, spec.right)
    })
  const vector = (record: MatchRecord, field: string) =>
    cached(record, `text-tfidf:${spec.name}:${field}`, () => tfidfVector(tokens(record, field), idf()))
  const thresholds = [...spec.thresholds].sort((a, b) => b - a)
  return {
    name: spec.name,
    description: spec.description ?? `text similarity (${spec.left} vs ${spec.right}), rare words weighted`,
    levels: [...thresholds.map((t) => ({ label: `similar (cosine ≥ ${t})` })), { label: 'different' }],
    compare(left, right) {
      if (tokens(left, spec.left).length === 0 || tokens(right, spec.right).length === 0)
        return { level: NULL_LEVEL }
      const cosine = sparseCosine(vector(left, spec.left), vector(right, spec.right))
      const value = Math.round(cosine * 1000) / 1000
      const level = thresholds.findIndex((t) => cosine >= t)
      return { level: level === -1 ? thresholds.length : level, value }
    },
  }
}
