import { describe, expect, it } from 'vitest'
import { ConfigError } from '../shared/errors.ts'
import { compileRuleset } from './compile-ruleset.ts'
import { parseRulesetText, rulesetFromContent } from './resolve-ruleset.ts'

function rulesetWith(rule: string, parameters = '  spend_threshold: 5000\n'): string {
  return `ruleset: test
description: Test rules.
parameters:
${parameters}rules:
  - id: spend
    description: Low spend.
    severity: critical
${rule}`
}

const SPEND_RULE = `    pass: spend.amount < params.spend_threshold
    explanation: '{{spend.amount | usd}}'
`

async function compileText(text: string, files: Record<string, string> = {}) {
  const resolved = await parseRulesetText(text, { name: 'test', resolveFile: (name) => files[name] })
  return compileRuleset(resolved)
}

async function compileError(text: string, files: Record<string, string> = {}): Promise<string> {
  const error = await compileText(text, files).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return (error as ConfigError).message
}

describe('compileRuleset', () => {
  it('compiles a valid ruleset and lists the facts each rule uses', async () => {
    const compiled = await compileText(rulesetWith(SPEND_RULE))
    expect(compiled.name).toBe('test')
    expect(compiled.params).toEqual({ spend_threshold: 5000n })
    expect(compiled.rules[0]!.inputs.map((ref) => ref.path)).toEqual([
      'spend.amount',
      'params.spend_threshold',
    ])
  })

  it('names the line and the fact of an unknown fact', async () => {
    const message = await compileError(rulesetWith('    pass: spend.amout < 5000.0\n    explanation: x\n'))
    expect(message).toContain('test.yaml:9 at rules.spend.pass: No such key: amout in: spend.amout < 5000.0')
    const group = await compileError(rulesetWith('    pass: spnd.amount < 5000.0\n    explanation: x\n'))
    expect(group).toContain('test.yaml:9 at rules.spend.pass: Unknown variable: spnd')
  })

  it('names the line of a type error', async () => {
    const message = await compileError(rulesetWith('    pass: opportunity.stage > 3\n    explanation: x\n'))
    expect(message).toContain('test.yaml:9 at rules.spend.pass: no such overload: string > int')
  })

  it('names the line inside a block expression', async () => {
    const message = await compileError(
      rulesetWith(
        '    pass: |-\n      opportunity.is_open &&\n      opportunity.stage + 1 == 2\n    explanation: x\n',
      ),
    )
    expect(message).toContain('test.yaml:11 at rules.spend.pass: no such overload: string + int')
    const folded = await compileError(
      rulesetWith(
        '    pass: >-\n      opportunity.is_open\n\n      && opportunity.days_until_close > 0\n      && opportunity.stage + 1 == 2\n    explanation: x\n',
      ),
    )
    expect(folded).toContain('test.yaml:13 at rules.spend.pass: no such overload: string + int')
    const plain = await compileError(
      rulesetWith('    pass: opportunity.is_open &&\n      opportunity.stage + 1 == 2\n    explanation: x\n'),
    )
    expect(plain).toContain('test.yaml:10 at rules.spend.pass: no such overload: string + int')
  })

  it('names the expression and the parameter of a threshold of the wrong type', async () => {
    const message = await compileError(rulesetWith(SPEND_RULE, "  spend_threshold: '5000'\n"))
    expect(message).toContain('test.yaml:9 at rules.spend.pass: no such overload: double < string')
    expect(message).toContain('params.spend_threshold is string at test.yaml:4')
  })

  it('accepts integer and decimal thresholds alike', async () => {
    await expect(compileText(rulesetWith(SPEND_RULE, '  spend_threshold: 7500.5\n'))).resolves.toBeDefined()
  })

  it('rejects a condition that is not a bool', async () => {
    const message = await compileError(rulesetWith('    pass: spend.amount\n    explanation: x\n'))
    expect(message).toContain('at rules.spend.pass: must be a condition (bool), but is double')
  })

  it('names a syntax error', async () => {
    const message = await compileError(rulesetWith('    pass: spend.amount <\n    explanation: x\n'))
    expect(message).toContain('test.yaml:9 at rules.spend.pass: Unexpected token: EOF')
  })

  it('names unknown facts in requires and facts, at their item', async () => {
    const message = await compileError(
      rulesetWith(`    requires: [spend, spend.nope]\n    facts:\n      - params.nope\n${SPEND_RULE}`),
    )
    expect(message).toContain('test.yaml:9 at rules.spend.requires.1: unknown fact spend.nope')
    expect(message).toContain('test.yaml:11 at rules.spend.facts.0: unknown fact params.nope')
  })

  it('checks explanation placeholders and formatters', async () => {
    const message = await compileError(
      rulesetWith(
        `    pass: 'true'\n    explanation:\n      pass: '{{spend.amount | dollars}}'\n      fail: >-\n        Spend\n        {{spend.amont}}\n`,
      ),
    )
    expect(message).toContain('test.yaml:11 at rules.spend.explanation.pass: unknown formatter "dollars"')
    expect(message).toContain(
      'test.yaml:14 at rules.spend.explanation.fail: No such key: amont in {{spend.amont}}',
    )
  })

  it('lists every problem at once', async () => {
    const text = `${rulesetWith('    pass: spend.x\n    explanation: x\n')}  - id: other
    description: Other.
    severity: review
    pass: match.nope
    explanation: x
`
    const message = await compileError(text)
    expect(message).toContain('at rules.spend.pass')
    expect(message).toContain('test.yaml:14 at rules.other.pass')
  })

  it('names the override file and line of a bad overridden condition', async () => {
    const child = `ruleset: test
description: Child.
extends: base
overrides:
  rules:
    spend:
      pass: spend.amount < 'x'
`
    const base = rulesetWith(SPEND_RULE).replace('ruleset: test', 'ruleset: base')
    const message = await compileError(child, { base })
    expect(message).toContain('test.yaml:7 at rules.spend.pass: no such overload: double < string')
  })

  it('rejects available() on anything but a fact', async () => {
    const message = await compileError(rulesetWith('    pass: available(1 + 2)\n    explanation: x\n'))
    expect(message).toContain('available() takes a fact')
  })

  it('compiles stored content without locations, naming the path', () => {
    const resolved = rulesetFromContent({
      ruleset: 'stored',
      description: 'x',
      parameters: {},
      rules: [
        {
          id: 'a',
          description: 'x',
          severity: 'review',
          enabled: true,
          requires: [],
          review_if: null,
          pass: 'nope',
          fail: null,
          explanation: 'x',
          facts: null,
        },
      ],
    })
    expect(() => compileRuleset(resolved)).toThrow('at rules.a.pass: Unknown variable: nope')
  })
})
