import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffRulesets } from './diff-rulesets.ts'
import { loadRuleset } from './load-ruleset.ts'

const RULES_DIR = path.resolve(import.meta.dirname, '../../../tenants/demo/rules')

describe('diffRulesets', () => {
  it('finds nothing between a version and itself', async () => {
    const pod = await loadRuleset(RULES_DIR, 'pod')
    const diff = diffRulesets(pod.content, pod.content)
    expect(diff).toMatchObject({
      identical: true,
      description: null,
      rules_added: [],
      rules_removed: [],
      rules_changed: [],
      rule_order: null,
      parameters_added: [],
      parameters_removed: [],
      parameters_changed: [],
    })
  })

  it("shows what the example customer's ruleset changes", async () => {
    const pod = await loadRuleset(RULES_DIR, 'pod')
    const acme = await loadRuleset(RULES_DIR, 'pod-acme.example')
    const diff = diffRulesets(pod.content, acme.content)
    expect(diff.identical).toBe(false)
    expect(diff.parameters_changed).toEqual([
      { name: 'spend_threshold', before: 5000, after: 10000 },
      { name: 'timeline_days', before: 90, after: 120 },
    ])
    expect(diff.parameters_added).toEqual([
      { name: 'dense_similarity_min', value: 0.85 },
      { name: 'name_similarity_min', value: 0.9 },
    ])
    expect(diff.rules_changed.map((rule) => rule.id)).toEqual(['match_confidence'])
    expect(diff.rules_changed[0]!.changes.map((change) => change.field)).toEqual([
      'description',
      'pass',
      'explanation',
    ])
    expect(diff.rules_added).toEqual([])
  })

  it('reports rules added, removed and reordered', async () => {
    const pod = await loadRuleset(RULES_DIR, 'pod')
    const [first, second, ...rest] = pod.content.rules
    const proposed = {
      ...pod.content,
      rules: [second!, first!, ...rest.slice(1), { ...first!, id: 'new_rule' }],
    }
    const diff = diffRulesets(pod.content, proposed)
    expect(diff.rules_added).toEqual(['new_rule'])
    expect(diff.rules_removed).toEqual([rest[0]!.id])
    expect(diff.rule_order?.after.slice(0, 2)).toEqual([second!.id, first!.id])
  })
})
