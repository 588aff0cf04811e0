// Embedding similarities: cosine of dense vectors, or the dot product of sparse lexical weights.
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import type { MatchRecord } from '../record.ts'

function denseCosine(a: Float32Array, b: Float32Array): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

function sparseSimilarity(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (const [token, weight] of Object.entries(a)) {
    na += weight * weight
    const other = b[token]
    if (other !== undefined) dot += weight * other
  }
  for (const weight of Object.values(b)) nb += weight * weight
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

function leveled(thresholds: number[], value: number): number {
  const level = thresholds.findIndex((t) => value >= t)
  return level === -1 ? thresholds.length : level
}

export function vectorComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  thresholds: number[]
}): Comparison<MatchRecord> {
  const thresholds = [...spec.thresholds].sort((a, b) => b - a)
  return {
    name: spec.name,
    description: spec.description ?? `embedding similarity (${spec.left} vs ${spec.right})`,
    levels: [...thresholds.map((t) => ({ label: `cosine ≥ ${t}` })), { label: 'dissimilar' }],
    compare(left, right) {
      const a = left.values[spec.left]
      const b = right.values[spec.right]
      if (!(a instanceof Float32Array) || !(b instanceof Float32Array) || a.length !== b.length)
        return { level: NULL_LEVEL }
      const cosine = denseCosine(a, b)
      return { level: leveled(thresholds, cosine), value: Math.round(cosine * 1000) / 1000 }
    },
  }
}

export function sparseComparison(spec: {
  name: string
  description?: string | undefined
  left: string
  right: string
  thresholds: number[]
}): Comparison<MatchRecord> {
  const thresholds = [...spec.thresholds].sort((a, b) => b - a)
  const isWeights = (v: unknown): v is Record<string, number> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Float32Array)
  return {
    name: spec.name,
    description: spec.description ?? `sparse lexical similarity (${spec.left} vs ${spec.right})`,
    levels: [...thresholds.map((t) => ({ label: `overlap ≥ ${t}` })), { label: 'little overlap' }],
    compare(left, right) {
      const a = left.values[spec.left]
      const b = right.values[spec.right]
      if (!isWeights(a) || !isWeights(b)) return { level: NULL_LEVEL }
      const similarity = sparseSimilarity(a, b)
      return { level: leveled(thresholds, similarity), value: Math.round(similarity * 1000) / 1000 }
    },
  }
}
