import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../shared/seeded-random.ts'
import { drawLevel } from '../../testing/draw-level.ts'
import { assignOneToOne } from '../assignment.ts'
import type { ComparisonVector } from './comparison.ts'
import { estimateParameters } from './estimate.ts'
import type { ModelParameters } from './parameters.ts'
import { exclusivePosteriors } from './posterior.ts'

/**
 * A synthetic world with known parameters: every left record has 4 candidates; with probability 0.8
 * one of them is its match. Two comparisons with 3 levels each.
 */
function syntheticWorld(records: number, seed: number) {
  const random = seededRandom(seed)
  const m = [
    [0.8, 0.15, 0.05],
    [0.7, 0.2, 0.1],
  ]
  const u = [
    [0.1, 0.3, 0.6],
    [0.05, 0.25, 0.7],
  ]
  const draw = (probabilities: number[]) => drawLevel(random, probabilities)
  const vectors: ComparisonVector[] = []
  const groups: string[] = []
  const truth: boolean[] = []
  for (let r = 0; r < records; r++) {
    const matchAt = random() < 0.8 ? Math.floor(random() * 4) : -1
    for (let c = 0; c < 4; c++) {
      const isMatch = c === matchAt
      vectors.push([0, 1].map((i) => ({ level: draw(isMatch ? m[i]! : u[i]!) })))
      groups.push(`r${r}`)
      truth.push(isMatch)
    }
  }
  const random2 = seededRandom(seed + 1)
  const randomPairs = Array.from({ length: 20_000 }, () =>
    [0, 1].map((i) => ({
      level: drawLevel(random2, u[i]!),
    })),
  )
  return { vectors, groups, truth, m, u, randomPairs }
}

describe('estimateParameters (EM without labels)', () => {
  it('recovers m, u and the prior of a known model and gives calibrated posteriors', () => {
    const world = syntheticWorld(4000, 11)
    const { parameters, converged } = estimateParameters({
      comparisons: [
        { name: 'a', levels: 3 },
        { name: 'b', levels: 3 },
      ],
      randomPairs: world.randomPairs,
      candidatePairs: world.vectors,
      groups: world.groups,
    })
    expect(converged).toBe(true)
    expect(parameters.lambda).toBeCloseTo(0.8, 1)
    for (const [i, comparison] of parameters.comparisons.entries()) {
      for (const [level, value] of comparison.m.entries()) expect(value).toBeCloseTo(world.m[i]![level]!, 1)
      for (const [level, value] of comparison.u.entries()) expect(value).toBeCloseTo(world.u[i]![level]!, 1)
    }
    // Calibration: among pairs predicted around p, about p are matches.
    const posteriors = exclusivePosteriors(parameters, world.vectors, world.groups)
    let predicted = 0
    let observed = 0
    posteriors.forEach((p, j) => {
      if (p > 0.5) {
        predicted += p
        observed += world.truth[j] ? 1 : 0
      }
    })
    expect(observed / predicted).toBeGreaterThan(0.95)
    expect(observed / predicted).toBeLessThan(1.05)
  })
})

describe('exclusive posteriors', () => {
  const parameters: ModelParameters = {
    lambda: 0.5,
    comparisons: [{ name: 'a', m: [0.9, 0.1], u: [0.1, 0.9] }],
  }

  it('lets candidates of one record compete and labels pin them', () => {
    const vectors = [[{ level: 0 }], [{ level: 0 }], [{ level: 1 }]]
    const groups = ['x', 'x', 'y']
    const [a, b, c] = exclusivePosteriors(parameters, vectors, groups)
    expect(a).toBeCloseTo(b!, 10)
    expect(a! + b!).toBeLessThan(1)
    expect(a).toBeLessThan(0.9) // alone it would be 0.9
    expect(c).toBeCloseTo(0.1, 6)
    const pinned = exclusivePosteriors(parameters, vectors, groups, new Map([[1, true]]))
    expect([pinned[0], pinned[1]]).toEqual([0, 1])
    const rejected = exclusivePosteriors(parameters, vectors, groups, new Map([[0, false]]))
    expect(rejected[0]).toBe(0)
    expect(rejected[1]).toBeCloseTo(0.9, 6)
  })

  it('uses a prior per stratum when there is one', () => {
    const strata = new Map([
      ['x', 'rare'],
      ['y', 'common'],
    ])
    const withStrata: ModelParameters = { ...parameters, lambdaByStratum: { rare: 0.1, common: 0.9 } }
    const [x, y] = exclusivePosteriors(
      withStrata,
      [[{ level: 0 }], [{ level: 0 }]],
      ['x', 'y'],
      undefined,
      strata,
    )
    expect(x).toBeLessThan(0.6)
    expect(y).toBeGreaterThan(0.98)
  })
})

describe('assignOneToOne', () => {
  it('gives the strongest pairs their records first', () => {
    const chosen = assignOneToOne(
      [
        { left: 'a', right: '1', probability: 0.9 },
        { left: 'b', right: '1', probability: 0.95 },
        { left: 'a', right: '2', probability: 0.6 },
        { left: 'c', right: '3', probability: 0.2 },
      ],
      0.5,
    )
    expect(chosen.map((p) => `${p.left}${p.right}`)).toEqual(['b1', 'a2'])
  })
})
