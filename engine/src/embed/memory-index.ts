// The in-process vector index for databases without pgvector: one PartitionIndex per (tenant, entity
// kind, text kind, model), loaded from search.embeddings on first use and refreshed incrementally by
// updated_at (with a lookback for transactions that committed late), deletions found by count.
import type { Sql } from '@revops/db'
import { type Logger, silentLogger } from '../shared/logger.ts'
import { createSerialQueue, type SerialQueue } from '../shared/serial-queue.ts'
import {
  countVectors,
  databaseTimeMinus,
  listVectorIds,
  type Partition,
  readChangedHashes,
  readVectorPage,
  readVectors,
} from './embedding-reads.ts'
import { createPartitionIndex, type PartitionIndex, type PartitionIndexOptions } from './memory-partition.ts'
import type { VectorIndex } from './vector-search.ts'

export interface MemoryIndexOptions extends Partial<PartitionIndexOptions> {
  /** Rows per read while loading. */
  pageSize?: number
  /** Seconds re-read before the last refresh: updated_at is a transaction's start, not its commit. */
  lookbackSeconds?: number
  /** False: the first search of a large partition waits for its graph (tests, benchmarks). */
  buildInBackground?: boolean
  log?: Logger
}

interface LoadedPartition {
  partition: Partition
  index: PartitionIndex
  /** Database time (minus the lookback) of the last completed load; null before the first. */
  since: string | null
  /** Serialises loads and searches of this partition. */
  queue: SerialQueue
}

/**
 * Creates the in-process index. A partition loads on its first `nearest`; once it outgrows exact
 * search its hnswlib graph builds in the background (minutes at 100k vectors) while exact search
 * answers. `refresh()` applies what changed and waits for graphs being built.
 */
export function createMemoryVectorIndex(sql: Sql, options: MemoryIndexOptions = {}): VectorIndex {
  const log = options.log ?? silentLogger
  const indexOptions: PartitionIndexOptions = {
    exactBelow: options.exactBelow ?? 2000,
    m: options.m ?? 16,
    efConstruction: options.efConstruction ?? 64,
    efSearch: options.efSearch ?? 100,
  }
  const pageSize = options.pageSize ?? 1000
  const lookback = options.lookbackSeconds ?? 60
  const partitions = new Map<string, LoadedPartition>()

  const locked = <T>(loaded: LoadedPartition, work: () => Promise<T>): Promise<T> => loaded.queue.run(work)

  const load = async (loaded: LoadedPartition) => {
    let afterId: string | null = null
    for (;;) {
      const page = await readVectorPage(sql, loaded.partition, { afterId, limit: pageSize })
      for (const row of page) loaded.index.upsert(row.entityId, row.textHash, row.vector)
      if (page.length < pageSize) return
      afterId = page[page.length - 1]!.entityId
    }
  }

  // Hashes first: rows re-read by the lookback are compared without fetching their vectors.
  const applyChanges = async (loaded: LoadedPartition, since: string) => {
    const changed = (await readChangedHashes(sql, loaded.partition, since))
      .filter((row) => loaded.index.hashOf(row.entityId) !== row.textHash)
      .map((row) => row.entityId)
    for (let start = 0; start < changed.length; start += pageSize) {
      for (const row of await readVectors(sql, loaded.partition, changed.slice(start, start + pageSize)))
        loaded.index.upsert(row.entityId, row.textHash, row.vector)
    }
    return changed.length
  }

  const sync = async (loaded: LoadedPartition) => {
    const started = performance.now()
    const nextSince = await databaseTimeMinus(sql, lookback)
    let changed: number
    if (loaded.since === null) {
      await load(loaded)
      changed = loaded.index.size
    } else changed = await applyChanges(loaded, loaded.since)
    let removed = 0
    if ((await countVectors(sql, loaded.partition)) !== loaded.index.size)
      removed = loaded.index.retainOnly(new Set(await listVectorIds(sql, loaded.partition)))
    loaded.since = nextSince
    if (changed + removed > 0)
      log.debug('vector index refreshed', {
        ...loaded.partition,
        changed,
        removed,
        size: loaded.index.size,
        ms: Math.round(performance.now() - started),
      })
  }

  const buildInBackground = (loaded: LoadedPartition) => {
    if (loaded.index.usesGraph || loaded.index.size < indexOptions.exactBelow) return Promise.resolve()
    const started = performance.now()
    return loaded.index.buildGraph().then(
      () =>
        log.debug('vector index graph ready', {
          ...loaded.partition,
          size: loaded.index.size,
          ms: Math.round(performance.now() - started),
        }),
      (error) =>
        log.error('vector index graph build failed; exact search continues', { ...loaded.partition, error }),
    )
  }

  return {
    kind: 'memory',
    async nearest(query) {
      const partition = {
        tenantId: query.tenantId,
        entityKind: query.entityKind,
        textKind: query.textKind,
        model: query.model,
      }
      const key = JSON.stringify(partition)
      let loaded = partitions.get(key)
      if (!loaded) {
        loaded = {
          partition,
          index: createPartitionIndex(indexOptions),
          since: null,
          queue: createSerialQueue(),
        }
        partitions.set(key, loaded)
      }
      const target = loaded
      return locked(target, async () => {
        if (target.since === null) {
          await sync(target)
          const building = buildInBackground(target)
          if (options.buildInBackground === false) await building
        }
        const width = target.index.dimensions
        if (width !== null && width !== query.vector.length)
          throw new Error(
            `query vector has ${query.vector.length} dimensions; ${query.model} vectors have ${width}`,
          )
        return target.index.search(query.vector, query.k)
      })
    },
    async refresh() {
      for (const loaded of partitions.values()) {
        await locked(loaded, () => sync(loaded))
        await buildInBackground(loaded)
      }
    },
    async close() {
      for (const loaded of partitions.values()) loaded.index.dispose()
      partitions.clear()
    },
  }
}
