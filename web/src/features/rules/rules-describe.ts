// A ruleset in words a RevOps analyst reads: which thresholds a rule uses and what they are worth
// (`$5,000`, `90 days`), its explanation templates with the parameters filled in, what a failure does,
// and the fields of a diff. Pure: the Rules page's components only lay these out.
import type { Schemas } from '../../lib/api-client.ts'
import { formatMoney, formatNumber, formatPercent, humanize } from '../../lib/format.ts'

export type RuleDefinition = Schemas['RuleDefinition']
export type RulesetContent = Schemas['RulesetContent']
export type RulesetDiff = Schemas['RulesetDiff']
export type ParameterValue = RulesetContent['parameters'][string]
export type Severity = RuleDefinition['severity']

/** How a parameter's value reads. */
export type ParameterUnit = 'usd' | 'percent' | 'days' | 'plain'

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', review: 'Review' }

/** What failing a rule of each severity does to the opportunity's outcome. */
export const SEVERITY_EFFECTS: Record<Severity, string> = {
  critical: 'A failure rejects the opportunity automatically.',
  review: 'A failure sends the opportunity to a reviewer.',
}

const PARAMETER = /params\.([A-Za-z_][A-Za-z0-9_]*)/g
const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g
const PARAMETER_PLACEHOLDER = /^params\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*([a-z]+)(?::(\d+))?)?$/

/** The explanation templates of a rule by the result they explain (`any` when there is one for all). */
export function explanationTemplates(
  explanation: RuleDefinition['explanation'],
): { result: 'any' | 'pass' | 'fail' | 'review'; text: string }[] {
  if (typeof explanation === 'string') return [{ result: 'any', text: explanation }]
  return (['pass', 'fail', 'review'] as const)
    .filter((result) => explanation[result])
    .map((result) => ({ result, text: explanation[result] as string }))
}

function ruleTexts(rule: RuleDefinition): string[] {
  return [
    rule.review_if ?? '',
    rule.fail ?? '',
    rule.pass,
    ...explanationTemplates(rule.explanation).map((template) => template.text),
  ]
}

/** The parameters a rule reads (conditions and explanations), in the order it first names them. */
export function parametersUsedBy(rule: RuleDefinition): string[] {
  const names = new Set<string>()
  for (const text of ruleTexts(rule)) for (const match of text.matchAll(PARAMETER)) names.add(match[1]!)
  return [...names]
}

/**
 * How a parameter reads: money or a percentage when an explanation formats it so (`{{params.x | usd}}`),
 * days when its name says so (`timeline_days`), else as it is.
 */
export function parameterUnit(name: string, rules: readonly RuleDefinition[]): ParameterUnit {
  const formatted = new RegExp(`params\\.${name}\\s*\\|\\s*(usd|percent)\\b`)
  for (const rule of rules) {
    for (const template of explanationTemplates(rule.explanation)) {
      const unit = formatted.exec(template.text)?.[1]
      if (unit === 'usd' || unit === 'percent') return unit
    }
  }
  return /_days$/.test(name) ? 'days' : 'plain'
}

/** A parameter's value in words: `$5,000`, `90 days`, `85%`, `usage, RIFee`, `yes`. */
export function formatParameter(
  value: ParameterValue,
  unit: ParameterUnit = 'plain',
  locale?: string,
): string {
  if (Array.isArray(value))
    return value.length === 0
      ? '(none)'
      : value.map((item) => formatParameter(item as ParameterValue, unit, locale)).join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return value
  switch (unit) {
    case 'usd':
      return formatMoney(value, 'USD', locale)
    case 'percent':
      return formatPercent(value, 1, locale)
    case 'days':
      return `${formatNumber(value, locale)} ${value === 1 ? 'day' : 'days'}`
    default:
      return formatNumber(value, locale)
  }
}

/**
 * Parameter names in the order the rules first use them (stored content keeps no order a reader
 * would expect), then those no rule reads (e.g. the spend provider's charge types), by name.
 */
export function orderedParameters(content: RulesetContent): string[] {
  const used = new Set(content.rules.flatMap((rule) => parametersUsedBy(rule)))
  const names = Object.keys(content.parameters)
  return [
    ...[...used].filter((name) => name in content.parameters),
    ...names.filter((name) => !used.has(name)).sort(),
  ]
}

/** The unit of every parameter of a ruleset, by name. */
export function parameterUnits(content: RulesetContent): Record<string, ParameterUnit> {
  return Object.fromEntries(
    Object.keys(content.parameters).map((name) => [name, parameterUnit(name, content.rules)]),
  )
}

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** A parameter filled in (`$5,000`), with the expression it came from. */
  | { kind: 'value'; text: string; expression: string }
  /**
   * A value known only when the rule runs (`{{spend.amount | usd}}`): `label` names it in words
   * (`spend amount`), or is `…` for a computed text.
   */
  | { kind: 'expression'; text: string; label: string }

/**
 * An explanation template in parts: text, parameters filled in with their values, and the expressions
 * filled in per opportunity when the rule runs.
 */
export function templateParts(
  template: string,
  parameters: RulesetContent['parameters'],
  units: Record<string, ParameterUnit> = {},
  locale?: string,
): TemplatePart[] {
  const parts: TemplatePart[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) })
    last = match.index + match[0].length
    const expression = match[1]!.trim()
    const parameter = PARAMETER_PLACEHOLDER.exec(expression)
    const value = parameter ? parameters[parameter[1]!] : undefined
    if (parameter && value !== undefined) {
      const formatter = parameter[2]
      const unit: ParameterUnit =
        formatter === 'usd' || formatter === 'percent' ? formatter : (units[parameter[1]!] ?? 'plain')
      parts.push({ kind: 'value', text: formatParameter(value, unit, locale), expression })
    } else {
      parts.push({ kind: 'expression', text: expression, label: slotLabel(expression) })
    }
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) })
  return parts
}

// A fact read as it is (`spend.amount`, `opportunity.?aws_account_id.orValue('(none)')`, with a formatter).
const FACT_SLOT =
  /^([A-Za-z_]\w*(?:\.\??[A-Za-z_]\w*)*)(?:\.orValue\((?:'[^']*'|"[^"]*"|[^()'"]*)\))?\s*(?:\|\s*[a-z]+(?::\d+)?)?$/

/** A placeholder in words: the fact it shows (`spend.amount | usd` → `spend amount`), else `…`. */
export function slotLabel(expression: string): string {
  const fact = FACT_SLOT.exec(expression.trim())?.[1]
  return fact ? fact.replace(/\.\??|_/g, ' ') : '…'
}

export type ConditionPart =
  | { kind: 'code'; text: string }
  | { kind: 'parameter'; name: string; value: string }

/** A condition with each parameter it reads shown with its value (`params.spend_threshold` = $5,000). */
export function conditionParts(
  condition: string,
  parameters: RulesetContent['parameters'],
  units: Record<string, ParameterUnit> = {},
  locale?: string,
): ConditionPart[] {
  const parts: ConditionPart[] = []
  let last = 0
  for (const match of condition.matchAll(PARAMETER)) {
    const value = parameters[match[1]!]
    if (value === undefined) continue
    const end = match.index + match[0].length
    parts.push({ kind: 'code', text: condition.slice(last, end) })
    parts.push({
      kind: 'parameter',
      name: match[1]!,
      value: formatParameter(value, units[match[1]!] ?? 'plain', locale),
    })
    last = end
  }
  if (last < condition.length || parts.length === 0) parts.push({ kind: 'code', text: condition.slice(last) })
  return parts
}

/**
 * What a rule's result is when none of its conditions decided it: a rule with a `fail` condition
 * sends the rest to review, any other fails (the evaluation order of engine/src/rules).
 */
export function otherwiseResult(rule: RuleDefinition): 'fail' | 'review' {
  return rule.fail ? 'review' : 'fail'
}

const FIELD_LABELS: Record<string, string> = {
  description: 'Description',
  severity: 'Severity',
  enabled: 'Enabled',
  requires: 'Needs facts',
  review_if: 'Sent to review when',
  fail: 'Fails when',
  pass: 'Passes when',
  explanation: 'Explanation',
  facts: 'Facts shown in the trace',
}

/** A rule field as the Rules page names it (`review_if` → `Sent to review when`). */
export function ruleFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanize(field)
}

/** Fields whose values are CEL or fact names, shown in a monospace font. */
export function isCodeField(field: string): boolean {
  return ['requires', 'review_if', 'fail', 'pass', 'facts'].includes(field)
}

/** A rule field's value in a diff: `Enabled`, `Critical`, lists joined, explanations per result. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '(none)'
  if (field === 'enabled' && typeof value === 'boolean') return value ? 'Enabled' : 'Disabled'
  if (field === 'severity' && (value === 'critical' || value === 'review')) return SEVERITY_LABELS[value]
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, text]) => `${humanize(key)}: ${String(text)}`)
      .join('\n')
  return String(value)
}

function counted(n: number, one: string, many: string, what: string): string | false {
  return n > 0 && `${n} ${n === 1 ? one : many} ${what}`
}

/** `1 parameter changed · 2 rules changed · 1 rule added`, or `No differences`. */
export function diffSummary(diff: RulesetDiff): string {
  const parts = [
    counted(diff.parameters_changed.length, 'parameter', 'parameters', 'changed'),
    counted(diff.parameters_added.length, 'parameter', 'parameters', 'added'),
    counted(diff.parameters_removed.length, 'parameter', 'parameters', 'removed'),
    counted(diff.rules_changed.length, 'rule', 'rules', 'changed'),
    counted(diff.rules_added.length, 'rule', 'rules', 'added'),
    counted(diff.rules_removed.length, 'rule', 'rules', 'removed'),
    diff.rule_order !== null && 'rule order changed',
    diff.description !== null && 'description changed',
  ].filter((part): part is string => typeof part === 'string')
  return parts.length > 0 ? parts.join(' · ') : 'No differences'
}

/** A change in a count with its sign: `+3`, `−2`, `±0`. */
export function formatDelta(delta: number, locale?: string): string {
  if (delta === 0) return '±0'
  return `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta), locale)}`
}

/** A content hash short enough to read and compare by eye (`sha256:1a2b…` → `1a2b3c4d5e6f`). */
export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12)
}
