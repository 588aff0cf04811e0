// Company (or person, or product) names: legal forms and accents ignored, several measures combined
// into ordered levels — exact key, TF-IDF cosine (rare words weigh more than "Group" or "Inc"),
// Jaro–Winkler (typos), acronyms — with a term-frequency adjustment for exact agreement.
import { acronymOf, normalizeCompanyName } from '../../normalize/company-name.ts'
import type { FieldStats } from '../field-stats.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'
import { jaroWinkler } from '../similarity/jaro-winkler.ts'
import { sparseCosine, tfidfVector } from '../similarity/tfidf.ts'

interface NameFeatures {
  key: string
  compact: string
  acronym: string
  tokens: string[]
  placeholder: boolean
}

function nameFeatures(record: MatchRecord, field: string): NameFeatures | null {
  return cached(record, `name:${field}`, () => {
    const raw = stringValue(record, field)
    if (!raw) return null
    const name = normalizeCompanyName(raw)
    if (!name.key) return null
    return {
      key: name.key,
      compact: name.key.replaceAll(' ', ''),
      acronym: acronymOf(name.key),
      tokens: name.tokens,
      placeholder: name.isPlaceholder,
    }
  })
}

export function nameComparison(
  spec: { name: string; description?: string | undefined; left: string; right: string },
  stats: FieldStats,
): Comparison<MatchRecord> {
  const tokensOf = (record: MatchRecord) =>
    nameFeatures(record, spec.left)?.tokens ?? nameFeatures(record, spec.right)?.tokens ?? []
  const idf = () => stats.idf(`name:${spec.left}:${spec.right}`, tokensOf)
  const vector = (record: MatchRecord, field: string, features: NameFeatures) =>
    cached(record, `name-tfidf:${field}`, () => tfidfVector(features.tokens, idf()))
  const keyOf = (record: MatchRecord) => {
    const features = nameFeatures(record, spec.left) ?? nameFeatures(record, spec.right)
    return features ? [features.key] : []
  }
  return {
    name: spec.name,
    description:
      spec.description ?? `names (${spec.left} vs ${spec.right}), legal forms ignored, rare words weighted`,
    levels: [
      { label: 'same name' },
      { label: 'nearly the same name' },
      { label: 'similar name' },
      { label: 'acronym of the other' },
      { label: 'somewhat similar name' },
      { label: 'different name' },
    ],
    compare(left, right) {
      const a = nameFeatures(left, spec.left)
      const b = nameFeatures(right, spec.right)
      if (!a || !b || a.placeholder || b.placeholder) return { level: NULL_LEVEL }
      if (a.key === b.key || a.compact === b.compact) {
        return {
          level: 0,
          value: 1,
          frequency: stats.valueFrequency(`name-key:${spec.left}:${spec.right}`, a.key, keyOf),
        }
      }
      const cosine = sparseCosine(vector(left, spec.left, a), vector(right, spec.right, b))
      const jw = jaroWinkler(a.compact, b.compact)
      const value = Math.round(Math.max(cosine, jw) * 1000) / 1000
      if (cosine >= 0.9 || jw >= 0.96) return { level: 1, value }
      if (cosine >= 0.7 || jw >= 0.9) return { level: 2, value }
      if (
        (a.acronym.length >= 2 && a.acronym === b.compact) ||
        (b.acronym.length >= 2 && b.acronym === a.compact)
      ) {
        return { level: 3, value: 'acronym' }
      }
      if (cosine >= 0.4 || jw >= 0.82) return { level: 4, value }
      return { level: 5, value }
    },
  }
}
