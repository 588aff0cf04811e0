// Integer ids the way a long-lived Odoo hands them out: increasing, with gaps where records were deleted.
import type { Random } from './random.ts'

export interface IdSequence {
  next(): number
  /** Ids skipped so far (deleted records); stale references point at these. */
  readonly gaps: readonly number[]
}

export function createIdSequence(
  random: Random,
  options: { start?: number; gapRate?: number } = {},
): IdSequence {
  let current = (options.start ?? 1) - 1
  const gapRate = options.gapRate ?? 0
  const gaps: number[] = []
  return {
    next: () => {
      while (gapRate > 0 && random.chance(gapRate)) gaps.push(++current)
      return ++current
    },
    gaps,
  }
}
