// Random record pairs (nearly all non-matches) for estimating u: how often two unrelated records agree.
import { seededRandom } from '../shared/seeded-random.ts'

export function sampleRandomPairs<T>(left: T[], right: T[], count: number, seed = 17): [T, T][] {
  if (left.length === 0 || right.length === 0) return []
  const random = seededRandom(seed)
  const pairs: [T, T][] = []
  for (let i = 0; i < count; i++) {
    pairs.push([left[Math.floor(random() * left.length)]!, right[Math.floor(random() * right.length)]!])
  }
  return pairs
}
