// Fact provider `evaluation`: the as-of date D every date rule is judged at, checked once here so a
// malformed date never reaches the rules.

import type { FactSet } from '../../rules/fact-catalog.ts'
import { addDays } from '../../rules/fact-dates.ts'
import { ValidationError } from '../../shared/errors.ts'

export type EvaluationFacts = FactSet['evaluation']

/** The evaluation facts for as-of date `asOf` (YYYY-MM-DD); throws ValidationError for anything else. */
export function evaluationFacts(asOf: string): EvaluationFacts {
  try {
    addDays(asOf, 0)
  } catch {
    throw new ValidationError(`as-of date must be a calendar date as YYYY-MM-DD, got "${asOf}"`, {
      field: 'as_of',
    })
  }
  return { date: asOf }
}
