// Decides one ACE opportunity: every rule's result with the facts it used and its explanation, and the
// outcome. A rule whose facts are unavailable, or whose condition fails at run time, is
// `not_evaluated` and says why; it is never counted as a pass.
import { coerceError } from '../shared/errors.ts'
import type {
  CompiledCondition,
  CompiledRule,
  CompiledRuleset,
  FactRef,
  ResultText,
} from './compile-ruleset.ts'
import { renderTemplate } from './explanation-template.ts'
import { type Activation, readFactPath, toActivation } from './fact-activation.ts'
import type { FactSet } from './fact-catalog.ts'
import type { Severity } from './ruleset-schema.ts'

export type RuleResult = 'pass' | 'fail' | 'review' | 'not_evaluated' | 'disabled'
/** What a ruleset decides for an opportunity, in the order people read them. */
export const OUTCOMES = ['auto_approve', 'needs_review', 'auto_reject'] as const
export type Outcome = (typeof OUTCOMES)[number]

export interface RuleTrace {
  rule_id: string
  description: string
  severity: Severity
  result: RuleResult
  /** Fact path → the value used (null when unavailable). */
  inputs: Record<string, unknown>
  /** The rule's explanation filled with those values. */
  explanation: string
  /** Facts that were unavailable, for a `not_evaluated` result. */
  missing: string[]
  /** The evaluation error, when a condition could not be evaluated. */
  error?: string
}

export interface RulesetEvaluation {
  ruleset: string
  /** The content hash of the ruleset version used; decisions record it. */
  content_hash: string
  outcome: Outcome
  rules: RuleTrace[]
}

interface EvaluationContext {
  facts: FactSet
  params: Readonly<Record<string, unknown>>
  activation: Activation
}

function test(condition: CompiledCondition, activation: Activation): boolean {
  const value = condition.program(activation)
  if (typeof value !== 'boolean')
    throw new Error(`condition gave ${typeof value}, not a bool: ${condition.source}`)
  return value
}

function unavailable(refs: readonly FactRef[], context: EvaluationContext): string[] {
  return refs
    .filter((ref) => readFactPath(context.facts, context.params, ref.keys) === null)
    .map((ref) => ref.path)
}

function decide(rule: CompiledRule, activation: Activation): ResultText {
  if (rule.reviewIf && test(rule.reviewIf, activation)) return 'review'
  if (rule.fail && test(rule.fail, activation)) return 'fail'
  if (test(rule.pass, activation)) return 'pass'
  // With an explicit fail condition, neither passing nor failing needs a person.
  return rule.fail ? 'review' : 'fail'
}

function evaluateRule(rule: CompiledRule, context: EvaluationContext, rulesetName: string): RuleTrace {
  const { definition } = rule
  const inputs: Record<string, unknown> = {}
  for (const ref of rule.inputs) inputs[ref.path] = readFactPath(context.facts, context.params, ref.keys)
  const trace = (result: RuleResult, explanation: string, missing: string[] = []): RuleTrace => ({
    rule_id: definition.id,
    description: definition.description,
    severity: definition.severity,
    result,
    inputs,
    explanation,
    missing,
  })
  if (!definition.enabled) return trace('disabled', `Disabled in ruleset ${rulesetName}.`)
  const missing = unavailable(rule.requires, context)
  if (missing.length > 0)
    return trace('not_evaluated', `Not evaluated: ${missing.join(', ')} unavailable.`, missing)
  let result: ResultText
  try {
    result = decide(rule, context.activation)
  } catch (thrown) {
    const error = coerceError(thrown).message.split('\n')[0]!
    const absent = unavailable(rule.conditionFacts, context)
    const reason = absent.length > 0 ? `${absent.join(', ')} unavailable` : error
    return { ...trace('not_evaluated', `Not evaluated: ${reason}.`, absent), error }
  }
  const template = rule.explanations[result]
  return trace(
    result,
    template ? renderTemplate(template, context.activation) : `${definition.description}: ${result}.`,
  )
}

/**
 * The outcome from the rule results: any critical `fail` → auto_reject; otherwise any `fail` or
 * `review` → needs_review; otherwise auto_approve (`not_evaluated` and `disabled` do not count).
 */
export function decideOutcome(rules: readonly Pick<RuleTrace, 'result' | 'severity'>[]): Outcome {
  let review = false
  for (const rule of rules) {
    if (rule.result === 'fail' && rule.severity === 'critical') return 'auto_reject'
    if (rule.result === 'fail' || rule.result === 'review') review = true
  }
  return review ? 'needs_review' : 'auto_approve'
}

/**
 * Evaluates a compiled ruleset against one opportunity's facts. Throws ValidationError when a fact
 * has the wrong type or a required one is missing (a provider bug, not a rule result).
 */
export function evaluateRuleset(compiled: CompiledRuleset, facts: FactSet): RulesetEvaluation {
  const context: EvaluationContext = {
    facts,
    params: compiled.content.parameters,
    activation: toActivation(facts, compiled.params),
  }
  const rules = compiled.rules.map((rule) => evaluateRule(rule, context, compiled.name))
  return { ruleset: compiled.name, content_hash: compiled.contentHash, outcome: decideOutcome(rules), rules }
}
