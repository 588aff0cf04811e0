import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, TimeBudgetError } from '../shared/errors.ts'
import { longestStall } from '../testing/event-loop-stall.ts'
import { compileRuleset } from './compile-ruleset.ts'
import { evaluateRuleset } from './evaluate-ruleset.ts'
import { estimateExpressionCost, MAX_EXPRESSION_COST } from './expression-cost.ts'
import { buildFacts } from './golden/default-facts.ts'
import { loadRuleset } from './load-ruleset.ts'
import { parseRulesetText } from './resolve-ruleset.ts'
import { evaluateInSandbox } from './ruleset-sandbox.ts'

const RULES_DIR = path.join(import.meta.dirname, '../../../tenants/demo/rules')

function rulesetWith(pass: string): string {
  return `ruleset: test
description: Test rules.
parameters:
  spend_threshold: 5000
rules:
  - id: costly
    description: A rule someone wrote.
    severity: critical
    pass: |
      ${pass}
    explanation: done
`
}

const compileText = async (text: string) =>
  compileRuleset(await parseRulesetText(text, { name: 'test', resolveFile: () => undefined }))

// Five nested comprehensions over ten elements: 100,000 evaluations of the innermost body per opportunity.
const NESTED = [1, 2, 3, 4, 5].reduce(
  (body, depth) => `[1,2,3,4,5,6,7,8,9,10].all(x${depth}, ${body})`,
  'x1 + x2 + x3 + x4 + x5 > 0',
)

describe('the cost of rule expressions', () => {
  it('refuses nested comprehensions that multiply past the bound, naming the rule and line', async () => {
    const error = await compileText(rulesetWith(NESTED)).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(
      /test\.yaml:1\d at rules\.costly\.pass: is too costly to evaluate: about 1[\d,]+ steps/,
    )
  })

  it('leaves the default POD ruleset far inside the bound', async () => {
    const pod = compileRuleset(await loadRuleset(RULES_DIR, 'pod'))
    for (const rule of pod.rules)
      for (const condition of [rule.pass, rule.fail, rule.reviewIf])
        if (condition)
          expect(estimateExpressionCost(condition.program.ast)).toBeLessThan(MAX_EXPRESSION_COST / 20)
  })
})

describe('evaluateInSandbox', () => {
  const facts = buildFacts('2026-11-01')

  it('gives what evaluateRuleset gives, off the event loop', async () => {
    const compiled = await compileText(rulesetWith('params.spend_threshold > 10'))
    const [evaluation] = await evaluateInSandbox(compiled.content, [facts])
    expect(evaluation).toEqual(evaluateRuleset(compiled, facts))
  })

  it('stops a ruleset that runs past its budget without holding the event loop, and recovers', async () => {
    // Small and cheap to the cost bound, catastrophic to a backtracking regular expression engine.
    const backtracking = await compileText(rulesetWith(`"${'a'.repeat(34)}!".matches("^(a+)+$")`))
    const { result, stallMs } = await longestStall(() =>
      evaluateInSandbox(backtracking.content, [facts], { budgetMs: 500 }),
    )
    expect(result).toBeInstanceOf(TimeBudgetError)
    expect((result as Error).message).toMatch(/ran past its time budget/)
    expect(stallMs).toBeLessThan(100)
    const fine = await compileText(rulesetWith('params.spend_threshold > 10'))
    const [after] = await evaluateInSandbox(fine.content, [facts])
    expect(after!.outcome).toBe('auto_approve')
  })
})
