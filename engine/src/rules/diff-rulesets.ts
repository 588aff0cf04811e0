// What a new ruleset version changes compared with another: rules added, removed or changed (field by
// field), parameters added, removed or changed, for a reviewer to read before publishing.
import { canonicalJson } from './content-hash.ts'
import type { ParameterValue } from './fact-catalog.ts'
import type { RuleDefinition, RulesetContent } from './ruleset-schema.ts'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface RulesetDiff {
  /** True when the two contents hash the same. */
  identical: boolean
  description: { before: string; after: string } | null
  rules_added: string[]
  rules_removed: string[]
  rules_changed: { id: string; changes: FieldChange[] }[]
  /** Rule ids in a different order (evaluation and trace order), or null when unchanged. */
  rule_order: { before: string[]; after: string[] } | null
  parameters_added: { name: string; value: ParameterValue }[]
  parameters_removed: { name: string; value: ParameterValue }[]
  parameters_changed: { name: string; before: ParameterValue; after: ParameterValue }[]
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

function ruleChanges(before: RuleDefinition, after: RuleDefinition): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)])
  const changes: FieldChange[] = []
  for (const field of fields) {
    const a = (before as Record<string, unknown>)[field] ?? null
    const b = (after as Record<string, unknown>)[field] ?? null
    if (!same(a, b)) changes.push({ field, before: a, after: b })
  }
  return changes
}

/** Compares two resolved ruleset contents (`a` the current version, `b` the proposed one). */
export function diffRulesets(a: RulesetContent, b: RulesetContent): RulesetDiff {
  const beforeRules = new Map(a.rules.map((rule) => [rule.id, rule]))
  const afterRules = new Map(b.rules.map((rule) => [rule.id, rule]))
  const rules_changed: RulesetDiff['rules_changed'] = []
  for (const [id, after] of afterRules) {
    const before = beforeRules.get(id)
    if (!before) continue
    const changes = ruleChanges(before, after)
    if (changes.length > 0) rules_changed.push({ id, changes })
  }
  const kept = (ids: string[], other: Map<string, unknown>) => ids.filter((id) => other.has(id))
  const orderBefore = kept([...beforeRules.keys()], afterRules)
  const orderAfter = kept([...afterRules.keys()], beforeRules)
  const parameterNames = new Set([...Object.keys(a.parameters), ...Object.keys(b.parameters)])
  const diff: RulesetDiff = {
    identical: same(a, b),
    description: a.description === b.description ? null : { before: a.description, after: b.description },
    rules_added: [...afterRules.keys()].filter((id) => !beforeRules.has(id)),
    rules_removed: [...beforeRules.keys()].filter((id) => !afterRules.has(id)),
    rules_changed,
    rule_order: same(orderBefore, orderAfter) ? null : { before: orderBefore, after: orderAfter },
    parameters_added: [],
    parameters_removed: [],
    parameters_changed: [],
  }
  for (const name of parameterNames) {
    const before = a.parameters[name]
    const after = b.parameters[name]
    if (before === undefined && after !== undefined) diff.parameters_added.push({ name, value: after })
    else if (after === undefined && before !== undefined)
      diff.parameters_removed.push({ name, value: before })
    else if (before !== undefined && after !== undefined && !same(before, after)) {
      diff.parameters_changed.push({ name, before, after })
    }
  }
  return diff
}
