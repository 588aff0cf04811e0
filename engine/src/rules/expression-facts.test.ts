import { describe, expect, it } from 'vitest'
import { createRulesEnvironment } from './cel-environment.ts'
import { collectFactReferences, mostSpecificPaths } from './expression-facts.ts'
import { FACT_CATALOG } from './fact-catalog.ts'

const ROOTS = new Set([...Object.keys(FACT_CATALOG), 'params'])
const environment = createRulesEnvironment({ limit: 'double' })
const referencesOf = (expression: string) => collectFactReferences(environment.parse(expression).ast, ROOTS)

describe('collectFactReferences', () => {
  it('finds fact fields and parameters in order of appearance', () => {
    expect(referencesOf('spend.amount < params.limit && opportunity.is_open')).toEqual([
      'spend.amount',
      'params.limit',
      'opportunity.is_open',
    ])
  })

  it('sees through macros, optional selection and indexing', () => {
    expect(
      referencesOf(
        "available(match) && has(match.name_similarity) && match.?dense_similarity.orValue(0.0) > 0.5 && match.comparisons['domains'].level == 'exact'",
      ),
    ).toEqual(['match', 'match.name_similarity', 'match.dense_similarity', 'match.comparisons'])
  })

  it('ignores comprehension variables', () => {
    expect(referencesOf('pipeline.other_on_account.exists(id, id == opportunity.id)')).toEqual([
      'pipeline.other_on_account',
      'opportunity.id',
    ])
  })
})

describe('mostSpecificPaths', () => {
  it('drops a group when one of its fields is listed', () => {
    expect(mostSpecificPaths(['match', 'match.band', 'spend', 'params.limit'])).toEqual([
      'match.band',
      'spend',
      'params.limit',
    ])
  })
})
