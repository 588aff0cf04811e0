import { describe, expect, it } from 'vitest'
import { ValidationError } from '../shared/errors.ts'
import { compileFactPath, readFactPath, toActivation } from './fact-activation.ts'
import { FACT_CATALOG, findFact, listFactPaths } from './fact-catalog.ts'
import { buildFacts } from './golden/default-facts.ts'

describe('fact catalogue', () => {
  it('declares every group and field with a CEL type and a description', () => {
    const paths = listFactPaths()
    expect(paths).toContain('spend.month_substituted')
    expect(paths).toContain('opportunity.benefit_window_end')
    for (const [group, definition] of Object.entries(FACT_CATALOG)) {
      expect(definition.description, group).not.toBe('')
      for (const [name, field] of Object.entries(definition.fields)) {
        expect(field.description, `${group}.${name}`).not.toBe('')
      }
    }
  })

  it('finds groups and fields, and nothing else', () => {
    expect(findFact('match')?.field).toBeUndefined()
    expect(findFact('match.band')?.field?.type).toBe('string')
    expect(findFact('match.nope')).toBeUndefined()
    expect(findFact('spend.amount.x')).toBeUndefined()
    expect(findFact('constructor')).toBeUndefined()
  })
})

describe('toActivation', () => {
  it('drops nulls, so unavailable facts are absent to CEL, and turns integers into BigInt', () => {
    const facts = buildFacts('2025-06-15', { match: null, opportunity: { ownership: null } })
    const activation = toActivation(facts, { spend_threshold: 5000n })
    expect(activation).not.toHaveProperty('match')
    expect(activation.opportunity).not.toHaveProperty('ownership')
    expect((activation.opportunity as Record<string, unknown>).days_until_close).toBe(30n)
    expect((activation.spend as Record<string, unknown>).amount).toBe(1234.56)
    expect(activation.params).toEqual({ spend_threshold: 5000n })
  })

  it('names a fact of the wrong type, a provider bug rather than a rule result', () => {
    const facts = buildFacts('2025-06-15', { opportunity: { days_until_close: 1.5 } })
    expect(() => toActivation(facts, {})).toThrow(ValidationError)
    expect(() => toActivation(facts, {})).toThrow(
      'fact opportunity.days_until_close must be an integer, got number',
    )
    const text = buildFacts('2025-06-15', { spend: { amount: '12' } })
    expect(() => toActivation(text, {})).toThrow('fact spend.amount must be a finite number, got string')
  })

  it('names a required fact that is missing', () => {
    const facts = buildFacts('2025-06-15', { pipeline: null })
    expect(() => toActivation(facts, {})).toThrow('fact pipeline is missing')
    const noFlag = buildFacts('2025-06-15', { opportunity: { aws_account_valid: null } })
    expect(() => toActivation(noFlag, {})).toThrow('fact opportunity.aws_account_valid is missing')
  })
})

describe('readFactPath', () => {
  it('reads facts and parameters, null when unavailable', () => {
    const facts = buildFacts('2025-06-15', { match: null })
    const params = { spend_threshold: 5000 }
    expect(readFactPath(facts, params, compileFactPath('opportunity.id'))).toBe('O1000001')
    expect(readFactPath(facts, params, compileFactPath('params.spend_threshold'))).toBe(5000)
    expect(readFactPath(facts, params, compileFactPath('match.band'))).toBeNull()
    expect(readFactPath(facts, params, compileFactPath('end_user'))).toBeNull()
  })
})
