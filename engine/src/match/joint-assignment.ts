// Joint link probabilities: a customer's ACE and Odoo deals are matched together, not each ACE deal on
// its own. Each left record still picks at most one counterpart (or none) with the weights the model
// gave its candidates; on top, a right record takes one left record, and a second only as the rare
// duplicate registration (prior odds `secondClaim`). The marginals of that distribution over matchings
// are computed by belief propagation (the Bethe approximation, exact on a tree): a left record whose
// two candidate deals score alike learns which of them a sibling ACE deal already claims more strongly.
//
// Messages: `availability[j→i]` is the factor by which the other left records' claims on right j scale
// i's weight for j; with the others' cavity odds t_k (their odds of taking j without j's say),
//   availability = (1 + δ·Σt) / (1 + Σt + δ·e₂(t)),   e₂ = Σ_{k<l} t_k·t_l,   δ = secondClaim,
// i.e. "none of the others takes j, or one does and this is its duplicate" over "any of the others
// takes j". A left record alone on its candidates keeps exactly its own (exclusive) probabilities.

export interface JointEdge {
  left: string
  right: string
  /** log2 of the pair's weight against "no counterpart" for its left record (prior + evidence). */
  weightBits: number
}

export interface JointOptions {
  /** Prior odds that a right record already claimed has a second left record (a duplicate). */
  secondClaim: number
  /** Stop when no availability moves by more than this many bits. */
  tolerance?: number
  maxIterations?: number
}

export interface JointResult {
  /** Per edge (input order): probability that the left record's counterpart is this right record. */
  probabilities: Float64Array
  /** Per edge: the probability the left record alone gave it (the exclusive model). */
  ownProbabilities: Float64Array
  /** Per edge: bits the other left records' claims on this right record took away (≥ 0). */
  rivalBits: Float64Array
  /**
   * Per edge: bits the same left record's other candidates took away, as they stand after the joint
   * step, so that weight − rival − competition is the log-odds of `probabilities` exactly.
   */
  competitionBits: Float64Array
  iterations: number
  converged: boolean
}

const DAMPING = 0.5
/** No claim takes more than this from another (keeps the arithmetic finite). */
const MAX_RIVAL_BITS = 200

export function jointProbabilities(edges: readonly JointEdge[], options: JointOptions): JointResult {
  const { secondClaim: delta, tolerance = 1e-6, maxIterations = 300 } = options
  const count = edges.length
  const byLeft = groupBy(edges, (edge) => edge.left)
  const byRight = groupBy(edges, (edge) => edge.right)
  // Weights scaled per left record by 2^-max (so the largest is 1): exact ratios, no overflow.
  const weight = new Float64Array(count)
  const none = new Map<string, number>()
  for (const [left, members] of byLeft) {
    let max = 0
    for (const e of members) max = Math.max(max, edges[e]!.weightBits)
    for (const e of members) weight[e] = 2 ** (edges[e]!.weightBits - max)
    none.set(left, 2 ** -max)
  }
  const availability = new Float64Array(count).fill(1)
  const cavity = new Float64Array(count)
  const total = (members: number[], left: string) => {
    let sum = none.get(left)!
    for (const e of members) sum += weight[e]! * availability[e]!
    return sum
  }

  let iterations = 0
  let converged = false
  while (iterations < maxIterations && !converged) {
    iterations++
    for (const [left, members] of byLeft) {
      const sum = total(members, left)
      for (const e of members) {
        const rest = sum - weight[e]! * availability[e]!
        cavity[e] = weight[e]! / Math.max(rest, Number.MIN_VALUE)
      }
    }
    let moved = 0
    for (const members of byRight.values()) {
      if (members.length === 1) continue
      let sum = 0
      let squares = 0
      for (const e of members) {
        sum += cavity[e]!
        squares += cavity[e]! ** 2
      }
      for (const e of members) {
        const t = sum - cavity[e]!
        const e2 = Math.max(0, (t * t - (squares - cavity[e]! ** 2)) / 2)
        const next = Math.log2(finiteRatio(1 + delta * t, 1 + t + delta * e2))
        // damped in bits: availabilities span many orders of magnitude
        const current = Math.log2(availability[e]!)
        const damped = DAMPING * current + (1 - DAMPING) * Math.max(next, -MAX_RIVAL_BITS)
        moved = Math.max(moved, Math.abs(damped - current))
        availability[e] = 2 ** damped
      }
    }
    converged = moved < tolerance
  }

  const probabilities = new Float64Array(count)
  const ownProbabilities = new Float64Array(count)
  const rivalBits = new Float64Array(count)
  const competitionBits = new Float64Array(count)
  for (const [left, members] of byLeft) {
    const nothing = none.get(left)!
    const joint = total(members, left)
    let own = nothing
    for (const e of members) own += weight[e]!
    for (const e of members) {
      const claim = weight[e]! * availability[e]!
      probabilities[e] = claim / joint
      ownProbabilities[e] = weight[e]! / own
      rivalBits[e] = Math.max(0, -Math.log2(availability[e]!))
      competitionBits[e] = Math.log2(1 + Math.max(0, joint - nothing - claim) / nothing)
    }
  }
  return { probabilities, ownProbabilities, rivalBits, competitionBits, iterations, converged }
}

/** a / b for ratios whose terms may overflow: both huge means the quadratic terms decide. */
function finiteRatio(a: number, b: number): number {
  if (Number.isFinite(a) && Number.isFinite(b)) return b > 0 ? Math.min(1, a / b) : 1
  return 0
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  items.forEach((item, index) => {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(index)
    else groups.set(k, [index])
  })
  return groups
}
