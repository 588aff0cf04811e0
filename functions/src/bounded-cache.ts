// A small cache with a size and an age limit: what the API keeps between requests (tenant configuration,
// matching populations) must not grow with every change of a file or every tenant ever served.

export interface BoundedCacheOptions {
  maxEntries: number
  maxAgeMs: number
  now?: () => number
}

export interface BoundedCache<V> {
  /** The cached value, or `create()`'s (a rejected creation is not kept). */
  get(key: string, create: () => Promise<V>): Promise<V>
  delete(key: string): void
  readonly size: number
}

export function createBoundedCache<V>(options: BoundedCacheOptions): BoundedCache<V> {
  const now = options.now ?? Date.now
  // Insertion order is recency order: a hit moves its entry to the end, the first entry is the oldest.
  const entries = new Map<string, { value: Promise<V>; at: number }>()
  return {
    get(key, create) {
      const hit = entries.get(key)
      if (hit && now() - hit.at < options.maxAgeMs) {
        entries.delete(key)
        entries.set(key, hit)
        return hit.value
      }
      entries.delete(key)
      const value = create()
      const entry = { value, at: now() }
      entries.set(key, entry)
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string)
      return value
    },
    delete(key) {
      entries.delete(key)
    },
    get size() {
      return entries.size
    },
  }
}
