import { describe, expect, it } from 'vitest'
import {
  conditionParts,
  diffSummary,
  explanationTemplates,
  formatDelta,
  formatFieldValue,
  formatParameter,
  orderedParameters,
  otherwiseResult,
  parametersUsedBy,
  parameterUnit,
  parameterUnits,
  type RuleDefinition,
  type RulesetContent,
  type RulesetDiff,
  ruleFieldLabel,
  shortHash,
  slotLabel,
  templateParts,
} from './rules-describe.ts'

function rule(fields: Partial<RuleDefinition> & Pick<RuleDefinition, 'id'>): RuleDefinition {
  return {
    description: '',
    severity: 'critical',
    enabled: true,
    requires: [],
    review_if: null,
    pass: 'true',
    fail: null,
    explanation: '',
    facts: null,
    ...fields,
  }
}

const spend = rule({
  id: 'spend_threshold',
  review_if: '!opportunity.aws_account_registered',
  pass: 'spend.amount < params.spend_threshold',
  explanation: {
    pass: 'Spent {{spend.amount | usd}}: below the {{params.spend_threshold | usd}} threshold.',
    fail: 'Spent {{spend.amount | usd}}: at or above the {{params.spend_threshold | usd}} threshold.',
  },
})
const timeline = rule({
  id: 'timeline',
  severity: 'review',
  pass: 'opportunity.days_until_close >= 0 && opportunity.days_until_close <= params.timeline_days',
  explanation:
    'Closes in {{opportunity.days_until_close}} days; the window is 0 to {{params.timeline_days}} days.',
})
const match = rule({
  id: 'match_confidence',
  severity: 'review',
  pass: "match.band == 'auto_link'",
  fail: '!available(match)',
  explanation:
    'Probability {{match.probability | percent}} (more than {{params.min_probability | percent}}).',
})
const content: RulesetContent = {
  ruleset: 'pod',
  description: 'POD eligibility',
  parameters: {
    spend_threshold: 5000,
    timeline_days: 90,
    spend_charge_types: ['usage', 'RIFee'],
    min_probability: 0.85,
  },
  rules: [spend, timeline, match],
}

describe('a ruleset in plain words', () => {
  it('finds the parameters a rule uses, in conditions and explanations', () => {
    expect(parametersUsedBy(spend)).toEqual(['spend_threshold'])
    expect(parametersUsedBy(timeline)).toEqual(['timeline_days'])
    expect(parametersUsedBy(match)).toEqual(['min_probability'])
  })

  it('orders parameters as the rules first use them, unused ones last', () => {
    expect(orderedParameters({ ...content, parameters: { zeta: 1, ...content.parameters } })).toEqual([
      'spend_threshold',
      'timeline_days',
      'min_probability',
      'spend_charge_types',
      'zeta',
    ])
  })

  it('reads thresholds as money, days or percentages from how the ruleset uses them', () => {
    expect(parameterUnit('spend_threshold', content.rules)).toBe('usd')
    expect(parameterUnits(content)).toEqual({
      spend_threshold: 'usd',
      timeline_days: 'days',
      spend_charge_types: 'plain',
      min_probability: 'percent',
    })
    expect(formatParameter(5000, 'usd', 'en-US')).toBe('$5,000')
    expect(formatParameter(90, 'days', 'en-US')).toBe('90 days')
    expect(formatParameter(1, 'days', 'en-US')).toBe('1 day')
    expect(formatParameter(0.85, 'percent', 'en-US')).toBe('85%')
    expect(formatParameter(['usage', 'RIFee'])).toBe('usage, RIFee')
    expect(formatParameter(12500.5, 'plain', 'en-US')).toBe('12,500.5')
    expect(formatParameter(true)).toBe('yes')
    expect(formatParameter([])).toBe('(none)')
  })

  it('fills the parameters into explanation templates and keeps the per-opportunity values as slots', () => {
    const units = parameterUnits(content)
    expect(
      templateParts((spend.explanation as { pass: string }).pass, content.parameters, units, 'en-US'),
    ).toEqual([
      { kind: 'text', text: 'Spent ' },
      { kind: 'expression', text: 'spend.amount | usd', label: 'spend amount' },
      { kind: 'text', text: ': below the ' },
      { kind: 'value', text: '$5,000', expression: 'params.spend_threshold | usd' },
      { kind: 'text', text: ' threshold.' },
    ])
    expect(
      templateParts(
        'window {{ params.timeline_days }} · {{params.unknown}}',
        content.parameters,
        units,
        'en-US',
      ),
    ).toEqual([
      { kind: 'text', text: 'window ' },
      { kind: 'value', text: '90 days', expression: 'params.timeline_days' },
      { kind: 'text', text: ' · ' },
      { kind: 'expression', text: 'params.unknown', label: 'params unknown' },
    ])
  })

  it('names per-opportunity values in words, computed texts as an ellipsis', () => {
    expect(slotLabel('opportunity.aws_account_id')).toBe('opportunity aws account id')
    expect(slotLabel("opportunity.?aws_account_id.orValue('(none)')")).toBe('opportunity aws account id')
    expect(slotLabel('match.probability | percent')).toBe('match probability')
    expect(slotLabel('match.dense_similarity | number:2')).toBe('match dense similarity')
    expect(slotLabel("spend.cost_rows == 0 ? 'no cost rows' : string(spend.cost_rows)")).toBe('…')
  })

  it('shows the value of each parameter a condition reads', () => {
    expect(conditionParts(spend.pass, content.parameters, parameterUnits(content), 'en-US')).toEqual([
      { kind: 'code', text: 'spend.amount < params.spend_threshold' },
      { kind: 'parameter', name: 'spend_threshold', value: '$5,000' },
    ])
    expect(conditionParts("match.band == 'auto_link'", content.parameters)).toEqual([
      { kind: 'code', text: "match.band == 'auto_link'" },
    ])
  })

  it('lists explanations per result and says what happens when no condition decides', () => {
    expect(explanationTemplates(timeline.explanation).map((t) => t.result)).toEqual(['any'])
    expect(explanationTemplates(spend.explanation).map((t) => t.result)).toEqual(['pass', 'fail'])
    expect(otherwiseResult(spend)).toBe('fail')
    expect(otherwiseResult(match)).toBe('review')
  })
})

describe('a diff in plain words', () => {
  const empty: RulesetDiff = {
    identical: true,
    description: null,
    rules_added: [],
    rules_removed: [],
    rules_changed: [],
    rule_order: null,
    parameters_added: [],
    parameters_removed: [],
    parameters_changed: [],
  }

  it('summarises what changed', () => {
    expect(diffSummary(empty)).toBe('No differences')
    expect(
      diffSummary({
        ...empty,
        identical: false,
        parameters_changed: [{ name: 'spend_threshold', before: 5000, after: 10000 }],
        rules_changed: [
          { id: 'a', changes: [] },
          { id: 'b', changes: [] },
        ],
        rules_added: ['c'],
        description: { before: 'x', after: 'y' },
      }),
    ).toBe('1 parameter changed · 2 rules changed · 1 rule added · description changed')
  })

  it('names rule fields and their values as the page shows them', () => {
    expect(ruleFieldLabel('review_if')).toBe('Sent to review when')
    expect(ruleFieldLabel('something_new')).toBe('Something new')
    expect(formatFieldValue('enabled', false)).toBe('Disabled')
    expect(formatFieldValue('severity', 'review')).toBe('Review')
    expect(formatFieldValue('requires', ['end_user', 'match'])).toBe('end_user, match')
    expect(formatFieldValue('explanation', { pass: 'ok', fail: 'no' })).toBe('Pass: ok\nFail: no')
    expect(formatFieldValue('fail', null)).toBe('(none)')
  })

  it('writes count changes with their sign and hashes short', () => {
    expect(formatDelta(3)).toBe('+3')
    expect(formatDelta(-1200, 'en-US')).toBe('−1,200')
    expect(formatDelta(0)).toBe('±0')
    expect(shortHash('sha256:0123456789abcdef0123')).toBe('0123456789ab')
  })
})
