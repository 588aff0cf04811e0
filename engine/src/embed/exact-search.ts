// Brute-force nearest neighbours over a matrix of unit rows: the in-process index's answer while a
// partition is small (or its graph is still being built), and the reference the graph is tested with.
import { normalizeInPlace } from './embedder.ts'

/** The k rows most similar to `query` (cosine = dot product of unit vectors), best first. */
export function exactSearch(
  matrix: Float32Array,
  rows: number,
  width: number,
  query: Float32Array,
  k: number,
  isLive: (row: number) => boolean = () => true,
): { row: number; similarity: number }[] {
  const q = normalizeInPlace(Float32Array.from(query))
  // A min-heap of the best k seen so far (scores and rows side by side).
  const heapScores = new Float64Array(k)
  const heapRows = new Int32Array(k)
  let size = 0
  for (let row = 0; row < rows; row++) {
    if (!isLive(row)) continue
    let dot = 0
    const offset = row * width
    for (let j = 0; j < width; j++) dot += matrix[offset + j]! * q[j]!
    if (size < k) {
      heapScores[size] = dot
      heapRows[size] = row
      size += 1
      siftUp(heapScores, heapRows, size - 1)
    } else if (dot > heapScores[0]!) {
      heapScores[0] = dot
      heapRows[0] = row
      siftDown(heapScores, heapRows, size)
    }
  }
  const out = Array.from({ length: size }, (_, i) => ({ row: heapRows[i]!, similarity: heapScores[i]! }))
  return out.sort((a, b) => b.similarity - a.similarity || a.row - b.row)
}

function siftUp(scores: Float64Array, rows: Int32Array, start: number): void {
  let i = start
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (scores[parent]! <= scores[i]!) return
    swap(scores, rows, i, parent)
    i = parent
  }
}

function siftDown(scores: Float64Array, rows: Int32Array, size: number): void {
  let i = 0
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let smallest = i
    if (left < size && scores[left]! < scores[smallest]!) smallest = left
    if (right < size && scores[right]! < scores[smallest]!) smallest = right
    if (smallest === i) return
    swap(scores, rows, i, smallest)
    i = smallest
  }
}

function swap(scores: Float64Array, rows: Int32Array, a: number, b: number): void {
  const score = scores[a]!
  scores[a] = scores[b]!
  scores[b] = score
  const row = rows[a]!
  rows[a] = rows[b]!
  rows[b] = row
}
