// The vectors of one partition in process memory: a matrix searched exactly while small, and an
// hnswlib graph (cosine) once it grows past `exactBelow`. The graph is built in the background, a
// chunk at a time, while exact search keeps answering; changes made meanwhile are replayed into it.
import type { HierarchicalNSW } from 'hnswlib-node'
import { hnswlib } from '../shared/hnswlib.ts'
import { normalizeInPlace } from './embedder.ts'
import { exactSearch } from './exact-search.ts'

export interface Neighbour {
  entityId: string
  /** Cosine similarity, 1 for the same direction. */
  similarity: number
}

export interface PartitionIndexOptions {
  /** Below this many vectors, search is exact (brute force is then about as fast as a graph). */
  exactBelow: number
  /** hnswlib graph degree and build-time candidate list. */
  m: number
  efConstruction: number
  /** Search-time candidate list (at least k is used). */
  efSearch: number
}

export interface PartitionIndex {
  readonly dimensions: number | null
  readonly size: number
  readonly usesGraph: boolean
  /** The text hash stored with an entity's vector (to skip unchanged rows). */
  hashOf(entityId: string): string | undefined
  upsert(entityId: string, textHash: string, vector: Float32Array): void
  /** Removes entities not in `keep`; returns how many went. */
  retainOnly(keep: Set<string>): number
  /**
   * Starts building the graph when the partition has outgrown exact search; resolves when the graph
   * is in use (at once when none is needed).
   */
  buildGraph(): Promise<void>
  search(vector: Float32Array, k: number): Neighbour[]
  /** Stops a build in progress and drops everything. */
  dispose(): void
}

interface BuildState {
  /** Slots below this are added by the build loop; later ones when it switches over. */
  upTo: number
  /** Slots below `upTo` changed or removed while the build ran. */
  dirty: Set<number>
  done: Promise<void>
}

// Points added between yields to the event loop while a graph is built (a few ms of work at 1024-d).
const BUILD_CHUNK = 16

/** Creates an empty partition index; its width comes from the first vector. */
export function createPartitionIndex(options: PartitionIndexOptions): PartitionIndex {
  let dimensions: number | null = null
  // A slot is a matrix row and the graph label of one entity's vector; slots are never reused while a
  // graph exists or is being built (hnswlib's replace-deleted would confuse a label's two owners).
  const slotOf = new Map<string, number>()
  let entityOf: (string | undefined)[] = []
  const hashes = new Map<string, string>()
  let nextSlot = 0
  let holes = 0
  let matrix: Float32Array | null = new Float32Array(0)
  let graph: HierarchicalNSW | null = null
  let deletedInGraph = 0
  let building: BuildState | null = null
  let disposed = false

  const width = () => dimensions!
  const row = (slot: number) => matrix!.subarray(slot * width(), (slot + 1) * width())

  const setRow = (slot: number, vector: Float32Array) => {
    if ((slot + 1) * width() > matrix!.length) {
      const grown = new Float32Array(Math.max(width() * 256, matrix!.length * 2))
      grown.set(matrix!)
      matrix = grown
    }
    matrix!.set(vector, slot * width())
    normalizeInPlace(row(slot))
  }

  const addToGraph = (target: HierarchicalNSW, slot: number, point: number[]) => {
    if (deletedInGraph > 0 && target === graph) {
      deletedInGraph -= 1
      return target.addPoint(point, slot, true)
    }
    if (target.getCurrentCount() >= target.getMaxElements()) target.resizeIndex(target.getMaxElements() * 2)
    target.addPoint(point, slot)
  }

  // Exact mode keeps rows dense enough: holes left by deletions are squeezed out now and then.
  const compact = () => {
    if (graph || building || holes <= Math.max(64, nextSlot / 4)) return
    const live = [...slotOf.entries()].sort((a, b) => a[1] - b[1])
    const dense = new Float32Array(Math.max(width() * 256, live.length * width() * 2))
    entityOf = []
    live.forEach(([entityId, slot], index) => {
      dense.set(row(slot), index * width())
      slotOf.set(entityId, index)
      entityOf[index] = entityId
    })
    matrix = dense
    nextSlot = live.length
    holes = 0
  }

  const runBuild = async (state: BuildState) => {
    const { upTo, dirty } = state
    const target = new (hnswlib().HierarchicalNSW)('cosine', width())
    target.initIndex({
      maxElements: Math.max(1024, Math.ceil(upTo * 1.25)),
      m: options.m,
      efConstruction: options.efConstruction,
      allowReplaceDeleted: true,
    })
    const added = new Uint8Array(upTo)
    for (let slot = 0; slot < upTo; slot++) {
      if (disposed) return
      if (entityOf[slot] !== undefined) {
        target.addPoint(Array.from(row(slot)), slot)
        added[slot] = 1
      }
      if (slot % BUILD_CHUNK === BUILD_CHUNK - 1) await new Promise((resolve) => setImmediate(resolve))
    }
    if (disposed) return
    // Replay what changed while the graph was built, then switch (no await from here on).
    let deleted = 0
    for (const slot of dirty) {
      if (entityOf[slot] !== undefined) target.addPoint(Array.from(row(slot)), slot)
      else if (added[slot]) {
        target.markDelete(slot)
        deleted += 1
      }
    }
    for (let slot = upTo; slot < nextSlot; slot++) {
      if (entityOf[slot] !== undefined) addToGraph(target, slot, Array.from(row(slot)))
    }
    graph = target
    deletedInGraph = deleted
    matrix = null
    building = null
  }

  return {
    get dimensions() {
      return dimensions
    },
    get size() {
      return slotOf.size
    },
    get usesGraph() {
      return graph !== null
    },
    hashOf: (entityId) => hashes.get(entityId),
    upsert(entityId, textHash, vector) {
      dimensions ??= vector.length
      if (vector.length !== dimensions)
        throw new Error(`vector of ${vector.length} dimensions in a partition of ${dimensions}`)
      hashes.set(entityId, textHash)
      const existing = slotOf.get(entityId)
      const slot = existing ?? nextSlot++
      if (existing === undefined) {
        slotOf.set(entityId, slot)
        entityOf[slot] = entityId
      }
      if (graph) {
        const point = Array.from(vector)
        // A known label is updated in place by hnswlib.
        if (existing !== undefined) graph.addPoint(point, slot)
        else addToGraph(graph, slot, point)
        return
      }
      setRow(slot, vector)
      if (building && slot < building.upTo) building.dirty.add(slot)
    },
    retainOnly(keep) {
      let removed = 0
      for (const [entityId, slot] of [...slotOf]) {
        if (keep.has(entityId)) continue
        removed += 1
        slotOf.delete(entityId)
        hashes.delete(entityId)
        entityOf[slot] = undefined
        if (graph) {
          graph.markDelete(slot)
          deletedInGraph += 1
        } else {
          holes += 1
          if (building && slot < building.upTo) building.dirty.add(slot)
        }
      }
      compact()
      return removed
    },
    buildGraph() {
      if (building) return building.done
      if (graph || disposed || slotOf.size < options.exactBelow) return Promise.resolve()
      const state: BuildState = { upTo: nextSlot, dirty: new Set(), done: Promise.resolve() }
      building = state
      state.done = runBuild(state).finally(() => {
        if (building === state) building = null
      })
      return state.done
    },
    search(vector, k) {
      if (slotOf.size === 0 || k <= 0) return []
      if (vector.length !== dimensions)
        throw new Error(`query vector of ${vector.length} dimensions in a partition of ${dimensions}`)
      const wanted = Math.min(k, slotOf.size)
      if (graph) {
        graph.setEf(Math.max(options.efSearch, wanted))
        const found = graph.searchKnn(Array.from(vector), wanted)
        return found.neighbors.map((label, i) => ({
          entityId: entityOf[label]!,
          similarity: 1 - found.distances[i]!,
        }))
      }
      return exactSearch(
        matrix!,
        nextSlot,
        width(),
        vector,
        wanted,
        (slot) => entityOf[slot] !== undefined,
      ).map((hit) => ({ entityId: entityOf[hit.row]!, similarity: hit.similarity }))
    },
    dispose() {
      disposed = true
      graph = null
      matrix = null
      building = null
      slotOf.clear()
      hashes.clear()
    },
  }
}
