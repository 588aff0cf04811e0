import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../shared/errors.ts'
import { evaluationFacts } from './evaluation-facts.ts'

describe('evaluationFacts', () => {
  it('is the as-of date', () => {
    expect(evaluationFacts('2026-11-01')).toEqual({ date: '2026-11-01' })
  })

  it('refuses anything but a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-11-1', 'today', '']) {
      expect(() => evaluationFacts(bad), bad).toThrow(ValidationError)
    }
  })
})
