import { describe, expect, it } from 'vitest'
import { type JointEdge, jointProbabilities } from './joint-assignment.ts'

const edge = (left: string, right: string, weightBits: number): JointEdge => ({ left, right, weightBits })

/**
 * Exact marginals by enumerating every choice of every left record (none or one candidate), weighted by
 * the product of the chosen weights and δ for each claim beyond the first on a right record.
 */
function bruteForce(edges: JointEdge[], delta: number): number[] {
  const lefts = [...new Set(edges.map((e) => e.left))]
  const options = lefts.map((left) => [-1, ...edges.flatMap((e, i) => (e.left === left ? [i] : []))])
  const marginals = new Array<number>(edges.length).fill(0)
  let total = 0
  const visit = (depth: number, chosen: number[]) => {
    if (depth === lefts.length) {
      let weight = 1
      const claims = new Map<string, number>()
      for (const e of chosen) {
        if (e < 0) continue
        weight *= 2 ** edges[e]!.weightBits
        const right = edges[e]!.right
        const n = (claims.get(right) ?? 0) + 1
        claims.set(right, n)
        if (n === 2) weight *= delta
        if (n > 2) weight *= 0 // three claims: not modelled by either side
      }
      total += weight
      for (const e of chosen) if (e >= 0) marginals[e]! += weight
      return
    }
    for (const option of options[depth]!) visit(depth + 1, [...chosen, option])
  }
  visit(0, [])
  return marginals.map((m) => m / total)
}

describe('joint link probabilities', () => {
  it('keeps a left record alone on its candidates at its own probabilities', () => {
    const edges = [edge('A1', 'O1', 6), edge('A1', 'O2', 4), edge('A2', 'O3', -2)]
    const result = jointProbabilities(edges, { secondClaim: 0.05 })
    const own = [2 ** 6, 2 ** 4].map((w) => w / (1 + 2 ** 6 + 2 ** 4))
    expect(result.probabilities[0]).toBeCloseTo(own[0]!, 12)
    expect(result.probabilities[1]).toBeCloseTo(own[1]!, 12)
    expect(result.probabilities[2]).toBeCloseTo(2 ** -2 / (1 + 2 ** -2), 12)
    expect([...result.rivalBits]).toEqual([0, 0, 0])
    expect(result.converged).toBe(true)
  })

  it('is exact where the records and their candidates form a tree', () => {
    const edges = [edge('A1', 'O1', 7), edge('A2', 'O1', 6), edge('A2', 'O2', 5.5), edge('A3', 'O2', 3)]
    const result = jointProbabilities(edges, { secondClaim: 0.05, tolerance: 1e-10, maxIterations: 2000 })
    const exact = bruteForce(edges, 0.05)
    for (const [i, p] of exact.entries()) expect(result.probabilities[i]).toBeCloseTo(p, 8)
    // the explanation adds up: weight − rival − competition is the log-odds of the joint probability
    edges.forEach((e, i) => {
      const p = result.probabilities[i]!
      expect(e.weightBits - result.rivalBits[i]! - result.competitionBits[i]!).toBeCloseTo(
        Math.log2(p / (1 - p)),
        8,
      )
    })
  })

  it('gives a sibling deal to the ACE record whose other candidate a sibling claims more strongly', () => {
    // A customer with two similar deals on each side: A2 alone cannot choose (O1 and O2 score alike),
    // but A1 is clearly O1, so A2 is O2.
    const edges = [edge('A1', 'O1', 12), edge('A1', 'O2', 6), edge('A2', 'O1', 8), edge('A2', 'O2', 8)]
    const result = jointProbabilities(edges, { secondClaim: 0.05 })
    expect(result.ownProbabilities[3]).toBeLessThan(0.5)
    expect(result.probabilities[3]).toBeGreaterThan(0.9)
    expect(result.probabilities[0]).toBeGreaterThan(0.99)
    expect(result.rivalBits[2]).toBeGreaterThan(3)
    // a cycle (two deals on each side): belief propagation is close, not exact
    const exact = bruteForce(edges, 0.05)
    for (const [i, p] of exact.entries()) expect(Math.abs(result.probabilities[i]! - p)).toBeLessThan(0.02)
  })

  it('keeps both claims of a duplicate registration strong', () => {
    const edges = [edge('A1', 'O1', 30), edge('A1b', 'O1', 28)]
    const result = jointProbabilities(edges, { secondClaim: 0.05 })
    expect(result.probabilities[0]).toBeGreaterThan(0.999)
    expect(result.probabilities[1]).toBeGreaterThan(0.999)
    // without the allowance for duplicates, one lead could not be claimed twice
    const strict = jointProbabilities(edges, { secondClaim: 0 })
    expect(strict.probabilities[0]! + strict.probabilities[1]!).toBeLessThan(1.0001)
    expect(strict.probabilities[0]).toBeCloseTo(bruteForce(edges, 0)[0]!, 6)
  })

  it('stays finite with extreme weights and converges on a dense customer', () => {
    const edges: JointEdge[] = []
    for (let a = 0; a < 6; a++)
      for (let o = 0; o < 6; o++) edges.push(edge(`A${a}`, `O${o}`, a === o ? 400 : 380 + a - o))
    const result = jointProbabilities(edges, { secondClaim: 0.05 })
    for (const p of result.probabilities) expect(Number.isFinite(p)).toBe(true)
    for (let a = 0; a < 6; a++) expect(result.probabilities[a * 6 + a]).toBeGreaterThan(0.99)
  })
})
