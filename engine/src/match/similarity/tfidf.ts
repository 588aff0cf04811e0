// Term weighting shared by both sides of a matching problem: rare tokens ("Zyphr") say far more than
// common ones ("group", "inc", "systems"), so similarities weight tokens by inverse document frequency.

export interface IdfTable {
  /** Inverse document frequency of a token; unseen tokens get the maximum. */
  idf(token: string): number
  /** Share of documents containing the token (for term-frequency adjusted weights). */
  frequency(token: string): number
  documents: number
}

/** Builds IDF over token lists (each list one document); smoothed: log((1 + N) / (1 + df)) + 1. */
export function buildIdf(documents: Iterable<readonly string[]>): IdfTable {
  const counts = new Map<string, number>()
  let total = 0
  for (const tokens of documents) {
    total++
    for (const token of new Set(tokens)) counts.set(token, (counts.get(token) ?? 0) + 1)
  }
  const maxIdf = Math.log((1 + total) / 1) + 1
  const cache = new Map<string, number>()
  for (const [token, count] of counts) cache.set(token, Math.log((1 + total) / (1 + count)) + 1)
  return {
    idf: (token) => cache.get(token) ?? maxIdf,
    frequency: (token) => (counts.get(token) ?? 0) / Math.max(1, total),
    documents: total,
  }
}

/** A sparse, L2-normalised TF-IDF vector. */
export type WeightedTokens = Map<string, number>

export function tfidfVector(tokens: readonly string[], idf: IdfTable): WeightedTokens {
  const tf = new Map<string, number>()
  for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1)
  const vector: WeightedTokens = new Map()
  let norm = 0
  for (const [token, count] of tf) {
    const weight = (1 + Math.log(count)) * idf.idf(token)
    vector.set(token, weight)
    norm += weight * weight
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [token, weight] of vector) vector.set(token, weight / norm)
  return vector
}

/** Cosine of two normalised sparse vectors. */
export function sparseCosine(a: WeightedTokens, b: WeightedTokens): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [token, weight] of small) {
    const other = large.get(token)
    if (other !== undefined) dot += weight * other
  }
  return Math.min(1, dot)
}
