// Candidate pairs as typed arrays, the one way evidence is computed (EM iterations and scoring): each
// comparison's cell (parent state × levels + level; −1 when it had no data) and each pair's
// term-frequency bits are computed once, so evidence is table lookups over flat arrays.
import type { ComparisonVector } from './comparison.ts'
import { NULL_LEVEL } from './comparison.ts'
import { type ComparisonParameters, frequencyBits, type ModelParameters, parentState } from './parameters.ts'

export interface EncodedPairs {
  count: number
  /** cells[c][j]: the cell of pair j in comparison c's flattened table, −1 when it had no data. */
  cells: Int16Array[]
  /** Levels of each comparison. */
  levels: number[]
  /** Parent states of each comparison (1 when it has no parent). */
  states: number[]
  /** Term-frequency bits of each pair, summed over comparisons (they do not change while estimating). */
  frequency: Float64Array
}

/** Encodes the pairs for the comparisons' shapes (levels and parents) in `parameters`. */
export function encodePairs(
  parameters: ModelParameters,
  levels: number[],
  vectors: ComparisonVector[],
): EncodedPairs {
  const count = vectors.length
  const comparisons = parameters.comparisons
  const states = comparisons.map((c) => (c.given ? levels[c.given.parent]! + 1 : 1))
  const cells = comparisons.map((comparison, c) => {
    const cell = new Int16Array(count)
    const parent = comparison.given?.parent
    for (let j = 0; j < count; j++) {
      const vector = vectors[j]!
      const level = vector[c]!.level
      cell[j] =
        level === NULL_LEVEL
          ? -1
          : (parent === undefined ? 0 : parentState(vector, parent)) * levels[c]! + level
    }
    return cell
  })
  const frequency = new Float64Array(count)
  for (let j = 0; j < count; j++) {
    const vector = vectors[j]!
    let bits = 0
    for (let c = 0; c < comparisons.length; c++) {
      const outcome = vector[c]!
      if (outcome.level === 0 && outcome.frequency != null) bits += frequencyBits(comparisons[c]!, outcome)
    }
    frequency[j] = bits
  }
  return { count, cells, levels, states, frequency }
}

/** log2(m/u) per cell of one comparison (state-major, as the cells index it). */
function cellBits(comparison: ComparisonParameters, states: number): Float64Array {
  const rows = comparison.given
    ? { m: comparison.given.m, u: comparison.given.u }
    : { m: [comparison.m], u: [comparison.u] }
  const levels = comparison.m.length
  const bits = new Float64Array(states * levels)
  for (let state = 0; state < states; state++) {
    const m = rows.m[state] ?? comparison.m
    const u = rows.u[state] ?? comparison.u
    for (let level = 0; level < levels; level++)
      bits[state * levels + level] = Math.log2(m[level]! / u[level]!)
  }
  return bits
}

/** Evidence bits of every pair into `out`. */
export function encodedEvidence(parameters: ModelParameters, pairs: EncodedPairs, out: Float64Array): void {
  out.set(pairs.frequency)
  parameters.comparisons.forEach((comparison, c) => {
    const bits = cellBits(comparison, pairs.states[c]!)
    const cells = pairs.cells[c]!
    for (let j = 0; j < pairs.count; j++) {
      const cell = cells[j]!
      if (cell >= 0) out[j]! += bits[cell]!
    }
  })
}

/** Expected counts per cell of comparison `c` among matches and non-matches, given the posteriors. */
export function cellCounts(
  pairs: EncodedPairs,
  c: number,
  posteriors: Float64Array,
): { match: Float64Array; other: Float64Array } {
  const size = pairs.states[c]! * pairs.levels[c]!
  const match = new Float64Array(size)
  const other = new Float64Array(size)
  const cells = pairs.cells[c]!
  for (let j = 0; j < pairs.count; j++) {
    const cell = cells[j]!
    if (cell < 0) continue
    const p = posteriors[j]!
    match[cell]! += p
    other[cell]! += 1 - p
  }
  return { match, other }
}
