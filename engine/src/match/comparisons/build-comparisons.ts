// Turns configured comparison specs into comparison functions.
import type { ComparisonSpec } from '../config/comparison-spec.ts'
import type { FieldStats } from '../field-stats.ts'
import type { Comparison } from '../model/comparison.ts'
import type { MatchRecord } from '../record.ts'
import { amountComparison } from './amount-comparison.ts'
import { categoryComparison } from './category-comparison.ts'
import { codeComparison } from './code-comparison.ts'
import { dateComparison } from './date-comparison.ts'
import { exactComparison } from './exact-comparison.ts'
import { locationComparison } from './location-comparison.ts'
import { nameComparison } from './name-comparison.ts'
import { numberComparison } from './number-comparison.ts'
import { setComparison } from './set-comparison.ts'
import { textComparison } from './text-comparison.ts'
import { sparseComparison, vectorComparison } from './vector-comparison.ts'

export function buildComparisons(specs: ComparisonSpec[], stats: FieldStats): Comparison<MatchRecord>[] {
  return specs.map((spec) => {
    switch (spec.kind) {
      case 'name':
        return nameComparison(spec, stats)
      case 'text':
        return textComparison(spec, stats)
      case 'exact':
        return exactComparison(spec, stats)
      case 'set':
        return setComparison(spec, stats)
      case 'codes':
        return codeComparison(spec, stats)
      case 'date':
        return dateComparison(spec)
      case 'amount':
        return amountComparison(spec)
      case 'number':
        return numberComparison(spec)
      case 'category':
        return categoryComparison(spec)
      case 'vector':
        return vectorComparison(spec)
      case 'sparse':
        return sparseComparison(spec)
      case 'location':
        return locationComparison(spec)
      default:
        throw new Error(`unknown comparison kind ${(spec satisfies never as { kind: string }).kind}`)
    }
  })
}
