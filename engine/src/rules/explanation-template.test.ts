import { describe, expect, it } from 'vitest'
import { createRulesEnvironment } from './cel-environment.ts'
import { FORMATTERS } from './explanation-formatters.ts'
import { compileTemplate, renderTemplate } from './explanation-template.ts'
import { toActivation } from './fact-activation.ts'
import { FACT_CATALOG } from './fact-catalog.ts'
import { buildFacts } from './golden/default-facts.ts'

const ROOTS = new Set([...Object.keys(FACT_CATALOG), 'params'])
const environment = createRulesEnvironment({ spend_threshold: 'int' })

function render(text: string, partial = {}) {
  const { template, problems } = compileTemplate(text, environment, ROOTS)
  expect(problems).toEqual([])
  return renderTemplate(template, toActivation(buildFacts('2025-06-15', partial), { spend_threshold: 5000n }))
}

describe('explanation templates', () => {
  it('fills placeholders with facts and parameters, formatted', () => {
    expect(render('{{spend.amount | usd}} of {{params.spend_threshold | usd}} in {{spend.month}}')).toBe(
      '1,234.56 USD of 5,000.00 USD in 2025-05',
    )
  })

  it('evaluates CEL inside placeholders, where || is an operator, not a formatter', () => {
    expect(render("{{spend.month_substituted || false ? 'stand-in' : 'wanted'}} month")).toBe(
      'stand-in month',
    )
    expect(render('{{match.probability >= 0.9 || match.domain_exact | yesno}}')).toBe('yes')
  })

  it('reads n/a for a fact that is unavailable', () => {
    expect(render('band {{match.band}}', { match: null })).toBe('band n/a')
  })

  it('lists the facts it references', () => {
    const { template } = compileTemplate(
      '{{spend.amount}} {{opportunity.?aws_account_id.orValue("")}}',
      environment,
      ROOTS,
    )
    expect(template.facts).toEqual(['spend.amount', 'opportunity.aws_account_id'])
  })

  it('reports unknown formatters, type errors and unclosed placeholders with their offset', () => {
    const { problems } = compileTemplate(
      'a {{spend.amount | dollars}} b {{spend.nope}} c {{spend',
      environment,
      ROOTS,
    )
    expect(problems.map((problem) => problem.offset)).toEqual([2, 31, 48])
    expect(problems[0]!.message).toContain('unknown formatter "dollars"')
    expect(problems[1]!.message).toContain('No such key: nope')
    expect(problems[2]!.message).toContain('not closed')
  })
})

describe('formatters', () => {
  it('formats money, numbers, percentages, booleans, lists and JSON', () => {
    expect(FORMATTERS.usd!(5000n, undefined)).toBe('5,000.00 USD')
    expect(FORMATTERS.number!(1234.5, undefined)).toBe('1,234.5')
    expect(FORMATTERS.number!(0.856, '2')).toBe('0.86')
    expect(FORMATTERS.percent!(0.853, undefined)).toBe('85.3%')
    expect(FORMATTERS.percent!(0.853, '0')).toBe('85%')
    expect(FORMATTERS.yesno!(false, undefined)).toBe('no')
    expect(FORMATTERS.list!([], undefined)).toBe('none')
    expect(FORMATTERS.list!(['a', 'b'], undefined)).toBe('a, b')
    expect(FORMATTERS.json!({ a: 1n }, undefined)).toBe('{"a":1}')
    expect(FORMATTERS.usd!('n/a', undefined)).toBe('n/a')
  })
})
