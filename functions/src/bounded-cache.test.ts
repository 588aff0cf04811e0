import { describe, expect, it } from 'vitest'
import { createBoundedCache } from './bounded-cache.ts'
import { createAuthThrottle } from './http/auth-throttle.ts'

describe('createBoundedCache', () => {
  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = createBoundedCache<number>({ maxEntries: 2, maxAgeMs: 60_000 })
    let made = 0
    const get = (key: string) => cache.get(key, async () => ++made)
    await get('a')
    await get('b')
    await get('a') // a is now the most recent
    await get('c') // b goes
    expect(cache.size).toBe(2)
    expect(await get('a')).toBe(1)
    expect(await get('b')).toBe(4)
  })

  it('makes an entry again once it is older than maxAgeMs, and never keeps a failure', async () => {
    let now = 0
    const cache = createBoundedCache<string>({ maxEntries: 10, maxAgeMs: 1000, now: () => now })
    expect(await cache.get('k', async () => 'first')).toBe('first')
    now = 999
    expect(await cache.get('k', async () => 'second')).toBe('first')
    now = 1000
    expect(await cache.get('k', async () => 'third')).toBe('third')
    await expect(cache.get('bad', async () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await cache.get('bad', async () => 'recovered')).toBe('recovered')
  })
})

describe('createAuthThrottle', () => {
  it('refuses a client after too many failures within the window, until the window passes', () => {
    let now = 0
    const throttle = createAuthThrottle({ maxFailures: 3, windowMs: 10_000, now: () => now })
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs('10.0.0.1')).toBe(0)
      throttle.recordFailure('10.0.0.1')
    }
    expect(throttle.retryAfterMs('10.0.0.1')).toBe(10_000)
    expect(throttle.retryAfterMs('10.0.0.2')).toBe(0)
    now = 9_000
    expect(throttle.retryAfterMs('10.0.0.1')).toBe(1_000)
    now = 10_000
    expect(throttle.retryAfterMs('10.0.0.1')).toBe(0)
  })

  it('forgets the oldest clients beyond its bound', () => {
    const throttle = createAuthThrottle({ maxFailures: 1, maxClients: 2 })
    for (const client of ['a', 'b', 'c']) throttle.recordFailure(client)
    expect(throttle.retryAfterMs('a')).toBe(0)
    expect(throttle.retryAfterMs('c')).toBeGreaterThan(0)
  })
})
