// Posterior match probabilities under the exclusive model: a left record has at most one counterpart
// among its candidates. Candidate j of record i gets weight (lambda / n_i) * BF_j, "no counterpart"
// gets (1 - lambda), and the posteriors are the normalised weights (computed in log space).
import type { ComparisonVector } from './comparison.ts'
import { encodedEvidence, encodePairs } from './encoded-pairs.ts'
import { lambdaFor, type ModelParameters } from './parameters.ts'

const groupCache = new WeakMap<string[], Map<string, number[]>>()

/** Groups candidate indexes by their left record (kept per `groups` array: EM asks every iteration). */
export function groupIndexes(groups: string[]): Map<string, number[]> {
  const cached = groupCache.get(groups)
  if (cached) return cached
  const byGroup = new Map<string, number[]>()
  groups.forEach((group, index) => {
    const list = byGroup.get(group)
    if (list) list.push(index)
    else byGroup.set(group, [index])
  })
  groupCache.set(groups, byGroup)
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
  const evidence = new Float64Array(vectors.length)
  const levels = parameters.comparisons.map((comparison) => comparison.m.length)
  encodedEvidence(parameters, encodePairs(parameters, levels, vectors), evidence)
  return exclusiveFromEvidence(parameters, evidence, groups, labels, strata)
}

/** The exclusive posteriors from each pair's evidence bits (which this keeps as its `evidence`). */
export function exclusiveFromEvidence(
  parameters: ModelParameters,
  evidence: Float64Array,
  groups: string[],
  labels?: Map<number, boolean>,
  strata?: Map<string, string | null>,
): GroupScores {
  const count = evidence.length
  const posteriors = new Float64Array(count)
  const prior = new Float64Array(count)
  const competition = new Float64Array(count)
  for (const [group, members] of groupIndexes(groups)) {
    const lambda = lambdaFor(parameters, strata?.get(group))
    let confirmed: number | undefined
    let open = members.length
    if (labels && labels.size > 0) {
      for (const j of members) {
        const label = labels.get(j)
        if (label === true && confirmed === undefined) confirmed = j
        if (label === false) open--
      }
    }
    const isOpen = (j: number) => labels === undefined || labels.get(j) !== false
    const priorBits = Math.log2(lambda / Math.max(1, open) / (1 - lambda))
    // weights relative to "no counterpart", in bits: prior + evidence
    let maxBits = 0
    for (const j of members) if (isOpen(j)) maxBits = Math.max(maxBits, priorBits + evidence[j]!)
    const none = 2 ** -maxBits // the "none" option, scaled by 2^-maxBits
    let total = none
    for (const j of members) if (isOpen(j)) total += 2 ** (priorBits + evidence[j]! - maxBits)
    for (const j of members) {
      prior[j] = priorBits
      if (confirmed !== undefined) {
        posteriors[j] = j === confirmed ? 1 : 0
        continue
      }
      if (!isOpen(j)) {
        posteriors[j] = 0
        continue
      }
      const own = 2 ** (priorBits + evidence[j]! - maxBits)
      posteriors[j] = own / total
      competition[j] = Math.log2(1 + Math.max(0, total - own - none) / none)
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
