import { describe, expect, it } from 'vitest'
import { createRandom } from './random.ts'

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()))
  })

  it('gives different sequences for different seeds and fork labels', () => {
    const first = createRandom(1).next()
    expect(createRandom(2).next()).not.toBe(first)
    const root = createRandom(1)
    expect(root.fork('a').next()).not.toBe(root.fork('b').next())
    expect(root.fork('a').next()).toBe(createRandom(1).fork('a').next())
  })

  it('keeps ints within bounds and picks by weight', () => {
    const random = createRandom(3)
    const ints = Array.from({ length: 2000 }, () => random.int(2, 5))
    expect(Math.min(...ints)).toBe(2)
    expect(Math.max(...ints)).toBe(5)
    const picks = Array.from({ length: 4000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
      ] as const),
    )
    const share = picks.filter((p) => p === 'a').length / picks.length
    expect(share).toBeGreaterThan(0.7)
    expect(share).toBeLessThan(0.8)
  })

  it('shuffles without losing items', () => {
    const random = createRandom(4)
    const items = Array.from({ length: 50 }, (_, i) => i)
    expect([...random.shuffle(items)].sort((a, b) => a - b)).toEqual(items)
    expect(random.sample(items, 5)).toHaveLength(5)
  })
})
