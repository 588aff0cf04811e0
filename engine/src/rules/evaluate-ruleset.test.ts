import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ValidationError } from '../shared/errors.ts'
import { type CompiledRuleset, compileRuleset } from './compile-ruleset.ts'
import { decideOutcome, evaluateRuleset } from './evaluate-ruleset.ts'
import { buildFacts } from './golden/default-facts.ts'
import { loadRuleset } from './load-ruleset.ts'
import { parseRulesetText } from './resolve-ruleset.ts'

const RULES_DIR = path.resolve(import.meta.dirname, '../../../tenants/demo/rules')
const AS_OF = '2025-06-15'

async function compileText(rules: string, parameters = '  limit: 10\n') {
  const text = `ruleset: test\ndescription: Test.\nparameters:\n${parameters}rules:\n${rules}`
  return compileRuleset(await parseRulesetText(text, { name: 'test', resolveFile: () => undefined }))
}

describe('evaluateRuleset', () => {
  let pod: CompiledRuleset
  beforeAll(async () => {
    pod = compileRuleset(await loadRuleset(RULES_DIR, 'pod'))
  })

  it('records the ruleset version it used and traces every rule in order', () => {
    const evaluation = evaluateRuleset(pod, buildFacts(AS_OF))
    expect(evaluation.ruleset).toBe('pod')
    expect(evaluation.content_hash).toBe(pod.contentHash)
    expect(evaluation.outcome).toBe('auto_approve')
    expect(evaluation.rules.map((rule) => rule.rule_id)).toEqual(pod.content.rules.map((rule) => rule.id))
  })

  it('shows the facts a rule used as its inputs, and fills its explanation with them', () => {
    const evaluation = evaluateRuleset(pod, buildFacts(AS_OF, { opportunity: { close_date: '2025-09-14' } }))
    const timeline = evaluation.rules.find((rule) => rule.rule_id === 'timeline')!
    expect(timeline).toMatchObject({
      result: 'fail',
      severity: 'review',
      missing: [],
      inputs: {
        'opportunity.close_date': '2025-09-14',
        'opportunity.days_until_close': 91,
        'params.timeline_days': 90,
        'evaluation.date': AS_OF,
      },
    })
    expect(timeline.explanation).toBe(
      'Target close date 2025-09-14 is 91 days from 2025-06-15; the window is 0 to 90 days.',
    )
    expect(evaluation.outcome).toBe('needs_review')
  })

  it('shows disabled rules with their inputs, so the benefit window is visible', () => {
    const evaluation = evaluateRuleset(pod, buildFacts(AS_OF))
    const window = evaluation.rules.find((rule) => rule.rule_id === 'discount_benefit_window')!
    expect(window.result).toBe('disabled')
    expect(window.inputs).toEqual({
      'opportunity.close_date': '2025-07-15',
      'opportunity.benefit_window_start': '2025-08-01',
      'opportunity.benefit_window_end': '2027-07-31',
      'evaluation.date': AS_OF,
    })
  })

  it('rejects facts of the wrong type instead of deciding on them', () => {
    expect(() => evaluateRuleset(pod, buildFacts(AS_OF, { opportunity: { is_open: 'yes' } }))).toThrow(
      ValidationError,
    )
  })

  it('turns a run-time error into not_evaluated with the error and the missing facts, never a pass', async () => {
    const compiled = await compileText(`  - id: close
    description: Close soon.
    severity: critical
    pass: opportunity.days_until_close <= params.limit
    explanation: '{{opportunity.days_until_close}} days'
`)
    const evaluation = evaluateRuleset(compiled, buildFacts(AS_OF, { opportunity: { close_date: null } }))
    expect(evaluation.rules[0]).toMatchObject({
      result: 'not_evaluated',
      missing: ['opportunity.days_until_close'],
      explanation: 'Not evaluated: opportunity.days_until_close unavailable.',
      error: 'No such key: days_until_close',
    })
    expect(evaluation.outcome).toBe('auto_approve')
  })

  it('treats a dynamic condition that is not a bool as not evaluated', async () => {
    const compiled = await compileText(`  - id: dynamic
    description: Dynamic.
    severity: critical
    pass: match.comparisons['domains'].value
    explanation: x
`)
    const [trace] = evaluateRuleset(compiled, buildFacts(AS_OF)).rules
    expect(trace!.result).toBe('not_evaluated')
    expect(trace!.error).toContain('not a bool')
  })

  it('checks review_if, then fail, then pass; without a fail condition not passing fails', async () => {
    const compiled = await compileText(`  - id: ordered
    description: Ordered.
    severity: critical
    review_if: pipeline.open_on_account > 5
    fail: pipeline.open_on_account > 2
    pass: pipeline.open_on_account == 0
    explanation: { pass: none, fail: many, review: too many }
  - id: plain
    description: Plain.
    severity: review
    pass: pipeline.open_on_account == 0
    explanation: '{{pipeline.open_on_account}} open'
`)
    const run = (open: number) =>
      evaluateRuleset(compiled, buildFacts(AS_OF, { pipeline: { open_on_account: open } })).rules.map(
        (rule) => [rule.result, rule.explanation],
      )
    expect(run(0)).toEqual([
      ['pass', 'none'],
      ['pass', '0 open'],
    ])
    expect(run(1)).toEqual([
      ['review', 'too many'],
      ['fail', '1 open'],
    ])
    expect(run(3)).toEqual([
      ['fail', 'many'],
      ['fail', '3 open'],
    ])
    expect(run(6)).toEqual([
      ['review', 'too many'],
      ['fail', '6 open'],
    ])
  })

  it('decides in well under a millisecond per opportunity', () => {
    const facts = buildFacts(AS_OF, { match: null, end_user: { exists: true, usage_type: 'End User' } })
    const start = performance.now()
    for (let i = 0; i < 2000; i++) evaluateRuleset(pod, facts)
    expect((performance.now() - start) / 2000).toBeLessThan(1)
  })
})

describe('decideOutcome', () => {
  const rule = (result: string, severity: string) => ({ result, severity }) as never

  it('rejects on any critical fail', () => {
    expect(
      decideOutcome([rule('pass', 'critical'), rule('review', 'review'), rule('fail', 'critical')]),
    ).toBe('auto_reject')
  })

  it('needs review on a review-severity fail or any review result', () => {
    expect(decideOutcome([rule('pass', 'critical'), rule('fail', 'review')])).toBe('needs_review')
    expect(decideOutcome([rule('review', 'critical'), rule('pass', 'review')])).toBe('needs_review')
  })

  it('approves when every evaluated rule passes; not_evaluated and disabled do not count', () => {
    expect(
      decideOutcome([
        rule('pass', 'critical'),
        rule('not_evaluated', 'critical'),
        rule('disabled', 'critical'),
      ]),
    ).toBe('auto_approve')
    expect(decideOutcome([])).toBe('auto_approve')
  })
})
