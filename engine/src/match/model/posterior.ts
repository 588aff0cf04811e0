// Posterior match probabilities under the exclusive model: a left record has at most one counterpart
// among its candidates. Candidate j of record i gets weight (lambda / n_i) * BF_j, "no counterpart"
// gets (1 - lambda), and the posteriors are the normalised weights (computed in log space).
import type { ComparisonVector } from './comparison.ts'
import { bitTables, lambdaFor, type ModelParameters, tableEvidence } from './parameters.ts'

/** Groups candidate indexes by their left record. */
export function groupIndexes(groups: string[]): Map<string, number[]> {
  const byGroup = new Map<string, number[]>()
  groups.forEach((group, index) => {
    const list = byGroup.get(group)
    if (list) list.push(index)
    else byGroup.set(group, [index])
  })
  return byGroup
}

export interface GroupScores {
  /** Posterior per candidate. */
  posteriors: Float64Array
  /** Evidence bits per candidate (sum over comparisons). */
  evidence: Float64Array
  /** Prior bits per candidate: log2((lambda / n) / (1 - lambda)). */
  prior: Float64Array
  /** Bits taken off by the competing candidates: log2(1 + sum of their weights / none). */
  competition: Float64Array
}

export function exclusiveScores(
  parameters: ModelParameters,
  vectors: ComparisonVector[],
  groups: string[],
  labels?: Map<number, boolean>,
  strata?: Map<string, string | null>,
): GroupScores {
  const count = vectors.length
  const posteriors = new Float64Array(count)
  const evidence = new Float64Array(count)
  const prior = new Float64Array(count)
  const competition = new Float64Array(count)
  // Bits per comparison level, computed once: the evidence of a pair is then a sum of table lookups.
  const tables = bitTables(parameters)
  for (let j = 0; j < count; j++) evidence[j] = tableEvidence(tables, vectors[j]!)
  for (const [group, members] of groupIndexes(groups)) {
    const lambda = lambdaFor(parameters, strata?.get(group))
    const confirmed = labels ? members.find((j) => labels.get(j) === true) : undefined
    const open = members.filter((j) => labels?.get(j) !== false)
    const priorBits = Math.log2(lambda / Math.max(1, open.length) / (1 - lambda))
    // weights relative to "no counterpart", in bits: prior + evidence
    let maxBits = 0
    for (const j of open) maxBits = Math.max(maxBits, priorBits + evidence[j]!)
    let total = 2 ** -maxBits // the "none" option, scaled by 2^-maxBits
    for (const j of open) total += 2 ** (priorBits + evidence[j]! - maxBits)
    for (const j of members) {
      prior[j] = priorBits
      if (confirmed !== undefined) {
        posteriors[j] = j === confirmed ? 1 : 0
        continue
      }
      if (!open.includes(j)) {
        posteriors[j] = 0
        continue
      }
      const own = 2 ** (priorBits + evidence[j]! - maxBits)
      posteriors[j] = own / total
      const others = total - own - 2 ** -maxBits
      competition[j] = Math.log2(1 + Math.max(0, others) / 2 ** -maxBits)
    }
  }
  return { posteriors, evidence, prior, competition }
}

export function exclusivePosteriors(
  parameters: ModelParameters,
  vectors: ComparisonVector[],
  groups: string[],
  labels?: Map<number, boolean>,
  strata?: Map<string, string | null>,
): Float64Array {
  return exclusiveScores(parameters, vectors, groups, labels, strata).posteriors
}
