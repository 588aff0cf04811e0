// One-to-one assignment: each left record links to at most one right record and vice versa. Greedy by
// descending probability, which is what reviewers expect ("the strongest pair wins") and optimal for
// the well-separated scores matching produces.

export interface ScoredCandidate {
  left: string
  right: string
  probability: number
}

/** Returns the chosen pairs (a subset of `candidates`) and, per left id, its best candidate overall. */
export function assignOneToOne<T extends ScoredCandidate>(candidates: T[], minimumProbability = 0): T[] {
  const sorted = [...candidates].sort(
    (a, b) => b.probability - a.probability || a.left.localeCompare(b.left) || a.right.localeCompare(b.right),
  )
  const usedLeft = new Set<string>()
  const usedRight = new Set<string>()
  const chosen: T[] = []
  for (const candidate of sorted) {
    if (candidate.probability < minimumProbability) break
    if (usedLeft.has(candidate.left) || usedRight.has(candidate.right)) continue
    usedLeft.add(candidate.left)
    usedRight.add(candidate.right)
    chosen.push(candidate)
  }
  return chosen
}

/** Best candidate per left id (no exclusivity). */
export function bestPerLeft<T extends ScoredCandidate>(candidates: T[]): Map<string, T> {
  const best = new Map<string, T>()
  for (const candidate of candidates) {
    const current = best.get(candidate.left)
    if (!current || candidate.probability > current.probability) best.set(candidate.left, candidate)
  }
  return best
}
