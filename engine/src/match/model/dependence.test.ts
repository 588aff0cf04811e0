import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../shared/seeded-random.ts'
import { drawLevel } from '../../testing/draw-level.ts'
import type { ComparisonVector } from './comparison.ts'
import { type ComparisonShape, estimateParameters } from './estimate.ts'
import { exclusivePosteriors } from './posterior.ts'

/**
 * Deals of companies: a left record's candidates are deals, some of the same company as the record.
 * Company-level comparisons (name, domain) agree for every deal of the same company, so they are
 * strongly dependent among non-matches; only the deal-level comparison tells the company's deals apart.
 */
function companyWorld(records: number, seed: number) {
  const random = seededRandom(seed)
  const agree = (p: number) => (random() < p ? 0 : 1)
  const draw = (probabilities: number[]) => drawLevel(random, probabilities)
  const vectors: ComparisonVector[] = []
  const groups: string[] = []
  const truth: boolean[] = []
  for (let r = 0; r < records; r++) {
    const matchAt = random() < 0.7 ? Math.floor(random() * 4) : -1
    for (let c = 0; c < 4; c++) {
      const isMatch = c === matchAt
      const sameCompany = isMatch || random() < 0.5
      const name = sameCompany ? agree(0.95) : agree(0.03)
      const domain = sameCompany ? agree(0.95) : agree(0.03)
      const deal = draw(isMatch ? [0.6, 0.25, 0.15] : [0.08, 0.22, 0.7])
      vectors.push([{ level: name }, { level: domain }, { level: deal }])
      groups.push(`r${r}`)
      truth.push(isMatch)
    }
  }
  const randomPairs: ComparisonVector[] = Array.from({ length: 5000 }, () => [
    { level: agree(0.03) },
    { level: agree(0.03) },
    { level: draw([0.08, 0.22, 0.7]) },
  ])
  return { vectors, groups, truth, randomPairs }
}

function fit(world: ReturnType<typeof companyWorld>, comparisons: ComparisonShape[]) {
  const { parameters } = estimateParameters({
    comparisons,
    randomPairs: world.randomPairs,
    candidatePairs: world.vectors,
    groups: world.groups,
  })
  const posteriors = exclusivePosteriors(parameters, world.vectors, world.groups)
  let brier = 0
  let confident = 0
  let confidentWrong = 0
  posteriors.forEach((p, j) => {
    brier += (p - (world.truth[j] ? 1 : 0)) ** 2
    if (p >= 0.85) {
      confident++
      if (!world.truth[j]) confidentWrong++
    }
  })
  return { parameters, brier: brier / posteriors.length, precision: 1 - confidentWrong / confident }
}

describe('dependent comparisons (given)', () => {
  const world = companyWorld(6000, 5)
  const independent = fit(world, [
    { name: 'name', levels: 2 },
    { name: 'domain', levels: 2 },
    { name: 'deal', levels: 3 },
  ])
  const dependent = fit(world, [
    { name: 'name', levels: 2 },
    { name: 'domain', levels: 2, parent: 0 },
    { name: 'deal', levels: 3 },
  ])

  it('counts company-level evidence once: the domain adds little once the name agrees', () => {
    const given = dependent.parameters.comparisons[1]!.given!
    expect(given.parent).toBe(0)
    // state 1 = the name agreed: among non-matches of the same company the domain agrees too
    const bitsWhenNameAgrees = Math.log2(given.m[1]![0]! / given.u[1]![0]!)
    const { m, u } = independent.parameters.comparisons[1]!
    expect(bitsWhenNameAgrees).toBeLessThan(0.5)
    expect(Math.log2(m[0]! / u[0]!)).toBeGreaterThan(bitsWhenNameAgrees + 0.5)
  })

  it('is better calibrated and more precise at the auto-link threshold than the independent model', () => {
    expect(dependent.brier).toBeLessThan(independent.brier)
    expect(dependent.precision).toBeGreaterThan(independent.precision)
    expect(dependent.precision).toBeGreaterThan(0.85)
  })
})
