// Decoded embeddings kept between matching runs of a long-running process (the job worker, the API's
// matching sessions). Each vector is stamped with its row's model and updated_at, so a run re-reads
// only the vectors embedded since the last one: a full 1,024-d vector set of a large tenant takes tens
// of seconds to read and decode, its stamps a fraction of a second.

export interface CachedVector {
  /** `<model>@<updated_at>` of the row it was read from. */
  stamp: string
  vector: Float32Array
  sparse: Record<string, number> | null
}

export interface VectorCache {
  /** The cached vectors of one tenant's entity kind and text kind. */
  get(key: string): Map<string, CachedVector> | undefined
  set(key: string, vectors: Map<string, CachedVector>): void
  clear(): void
}

/** A cache of at most `maxSets` vector sets (tenant × entity × text kind), least recently used first out. */
export function createVectorCache(maxSets = 16): VectorCache {
  const sets = new Map<string, Map<string, CachedVector>>()
  return {
    get(key) {
      const found = sets.get(key)
      if (found) {
        sets.delete(key)
        sets.set(key, found)
      }
      return found
    },
    set(key, vectors) {
      sets.delete(key)
      sets.set(key, vectors)
      while (sets.size > maxSets) sets.delete(sets.keys().next().value!)
    },
    clear() {
      sets.clear()
    },
  }
}

/** The process's cache, shared by every matching run and session in it. */
export const processVectorCache: VectorCache = createVectorCache()
