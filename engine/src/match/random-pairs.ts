// Random record pairs (nearly all non-matches) for estimating u: how often two unrelated records agree.

/** A small seeded generator (mulberry32), so estimates are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function sampleRandomPairs<T>(left: T[], right: T[], count: number, seed = 17): [T, T][] {
  if (left.length === 0 || right.length === 0) return []
  const random = seededRandom(seed)
  const pairs: [T, T][] = []
  for (let i = 0; i < count; i++) {
    pairs.push([left[Math.floor(random() * left.length)]!, right[Math.floor(random() * right.length)]!])
  }
  return pairs
}
