// A small seeded PRNG (sfc32) so the demo world is identical for the same seed on every machine.
// Math.random cannot be seeded; forking by label keeps one part of the world from shifting another. It is
// not the engine's seededRandom (a plain stream): forks and labels need a keyed generator, and another
// stream would generate another world, moving every figure published from this one.

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  float(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by relative weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[]
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[]
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number
  /** Log-normal around a median; sigma is the spread of the log. */
  logNormal(median: number, sigma: number): number
  /** An independent generator derived from this one's seed and a label. */
  fork(label: string): Random
}

/** Creates a generator from a numeric seed; the same seed always gives the same sequence. */
export function createRandom(seed: number): Random {
  return createFromKey(`seed:${seed}`)
}

function createFromKey(key: string): Random {
  const [a, b, c, d] = hashKey(key)
  const next = sfc32(a, b, c, d)
  for (let i = 0; i < 15; i++) next() // let the state mix before use

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    weighted: (entries) => {
      let total = 0
      for (const [, weight] of entries) total += weight
      let roll = next() * total
      for (const [value, weight] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      const last = entries.at(-1)
      if (!last) throw new Error('weighted pick from an empty list')
      return last[0]
    },
    shuffle: (items) => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const held = copy[i] as (typeof copy)[number]
        copy[i] = copy[j] as (typeof copy)[number]
        copy[j] = held
      }
      return copy
    },
    sample: (items, n) => random.shuffle(items).slice(0, Math.max(0, n)),
    normal: (mean, sd) => {
      const u = 1 - next() // (0, 1], so the log is finite
      const v = next()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    logNormal: (median, sigma) => median * Math.exp(random.normal(0, sigma)),
    fork: (label) => createFromKey(`${key}/${label}`),
  }
  return random
}

/** cyrb128: four 32-bit words from a string, the seed state for sfc32. */
function hashKey(key: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): () => number {
  let a = seedA
  let b = seedB
  let c = seedC
  let d = seedD
  return () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}
