// Turns a resolved ruleset into programs evaluated many times: every condition and explanation is
// parsed and type-checked once against the fact catalogue and the ruleset's parameters, and every
// problem (unknown fact, type error, bad formatter) is reported with its file and line.
import type { Environment, ParseResult } from '@marcbachmann/cel-js'
import { createRulesEnvironment } from './cel-environment.ts'
import { type CompiledTemplate, compileTemplate } from './explanation-template.ts'
import { expressionCostProblem } from './expression-cost.ts'
import { collectFactReferences, mostSpecificPaths } from './expression-facts.ts'
import { compileFactPath } from './fact-activation.ts'
import { FACT_CATALOG, findFact, PARAMS_GROUP } from './fact-catalog.ts'
import type { SourceLocation } from './read-ruleset-file.ts'
import type { ResolvedRuleset } from './resolve-ruleset.ts'
import { toCelParameters } from './ruleset-parameters.ts'
import { findLocation, problemAt, type RulesetProblem, rulesetError } from './ruleset-problems.ts'
import type { RuleDefinition, RulesetContent } from './ruleset-schema.ts'

/** A fact path split once for fast reads. */
export interface FactRef {
  path: string
  keys: string[]
}

export interface CompiledCondition {
  source: string
  program: ParseResult
}

export type ResultText = 'pass' | 'fail' | 'review'

export interface CompiledRule {
  definition: RuleDefinition
  requires: FactRef[]
  reviewIf: CompiledCondition | undefined
  fail: CompiledCondition | undefined
  pass: CompiledCondition
  /** The explanation per result (the same template for all when the rule gives one text). */
  explanations: Partial<Record<ResultText, CompiledTemplate>>
  /** Facts shown as the rule's inputs in the trace. */
  inputs: FactRef[]
  /** Facts the conditions read: the null ones explain a rule that could not be evaluated. */
  conditionFacts: FactRef[]
}

export interface CompiledRuleset {
  name: string
  contentHash: string
  content: RulesetContent
  rules: CompiledRule[]
  /** Parameters as CEL sees them (integers as BigInt). */
  params: Record<string, unknown>
}

const ROOTS = new Set([...Object.keys(FACT_CATALOG), PARAMS_GROUP.name])
const RESULT_TEXTS: ResultText[] = ['pass', 'fail', 'review']

function lineAt(location: SourceLocation | undefined, offset: number): number | undefined {
  if (!location) return undefined
  const first = location.line + (location.block ? 1 : 0)
  const starts = location.lineStarts ?? [0]
  let index = 0
  while (index + 1 < starts.length && starts[index + 1]! <= offset) index++
  return first + index
}

function oneLine(source: string): string {
  return source.replace(/\s+/g, ' ')
}

function toRef(path: string): FactRef {
  return { path, keys: compileFactPath(path) }
}

interface RuleCompiler {
  environment: Environment
  resolved: ResolvedRuleset
  parameterTypes: Record<string, string>
  problems: RulesetProblem[]
}

function report(compiler: RuleCompiler, path: string, offset: number, message: string) {
  const location = findLocation(compiler.resolved.locations, path)
  compiler.problems.push({ ...problemAt(location, path, message), line: lineAt(location, offset) })
}

function checkFactPaths(compiler: RuleCompiler, path: string, facts: readonly string[]) {
  facts.forEach((fact, index) => {
    const [group, field] = fact.split('.')
    const known =
      group === PARAMS_GROUP.name
        ? field !== undefined && Object.hasOwn(compiler.parameterTypes, field)
        : findFact(fact) !== undefined
    if (!known) report(compiler, `${path}.${index}`, 0, `unknown fact ${fact}`)
  })
}

// A type error on a parameter usually means the parameter has the wrong type: say what it is and where.
function parameterHint(compiler: RuleCompiler, source: string): string {
  let references: string[]
  try {
    references = collectFactReferences(compiler.environment.parse(source).ast, ROOTS)
  } catch {
    return ''
  }
  const hints = references
    .filter((path) => path.startsWith(`${PARAMS_GROUP.name}.`))
    .map((path) => {
      const name = path.slice(PARAMS_GROUP.name.length + 1)
      const location = compiler.resolved.locations.get(`parameters.${name}`)
      const where = location ? ` at ${location.file}:${location.line}` : ''
      return `${path} is ${compiler.parameterTypes[name] ?? 'undefined'}${where}`
    })
  return hints.length > 0 ? ` (${hints.join('; ')})` : ''
}

function compileCondition(
  compiler: RuleCompiler,
  path: string,
  source: string,
): CompiledCondition | undefined {
  const checked = compiler.environment.check(source)
  if (!checked.valid) {
    const error = checked.error
    const summary = error?.summary ?? error?.message.split('\n')[0] ?? 'invalid expression'
    const hint = error?.name === 'TypeError' ? parameterHint(compiler, source) : ''
    report(compiler, path, error?.range?.start ?? 0, `${summary}${hint} in: ${oneLine(source)}`)
    return undefined
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    report(compiler, path, 0, `must be a condition (bool), but is ${checked.type}: ${oneLine(source)}`)
    return undefined
  }
  const program = compiler.environment.parse(source)
  const costly = expressionCostProblem(program.ast)
  if (costly) {
    report(compiler, path, 0, `${costly}: ${oneLine(source).slice(0, 200)}`)
    return undefined
  }
  return { source, program }
}

function compileExplanation(compiler: RuleCompiler, path: string, text: string): CompiledTemplate {
  const { template, problems } = compileTemplate(text, compiler.environment, ROOTS)
  for (const problem of problems) report(compiler, path, problem.offset, problem.message)
  return template
}

function compileExplanations(compiler: RuleCompiler, rule: RuleDefinition) {
  const explanations: Partial<Record<ResultText, CompiledTemplate>> = {}
  const path = `rules.${rule.id}.explanation`
  if (typeof rule.explanation === 'string') {
    const template = compileExplanation(compiler, path, rule.explanation)
    for (const result of RESULT_TEXTS) explanations[result] = template
    return explanations
  }
  for (const result of RESULT_TEXTS) {
    const text = rule.explanation[result]
    if (text !== undefined) explanations[result] = compileExplanation(compiler, `${path}.${result}`, text)
  }
  return explanations
}

function compileRule(compiler: RuleCompiler, rule: RuleDefinition): CompiledRule | undefined {
  const before = compiler.problems.length
  const base = `rules.${rule.id}`
  checkFactPaths(compiler, `${base}.requires`, rule.requires)
  if (rule.facts) checkFactPaths(compiler, `${base}.facts`, rule.facts)
  const reviewIf =
    rule.review_if === null ? undefined : compileCondition(compiler, `${base}.review_if`, rule.review_if)
  const fail = rule.fail === null ? undefined : compileCondition(compiler, `${base}.fail`, rule.fail)
  const pass = compileCondition(compiler, `${base}.pass`, rule.pass)
  const explanations = compileExplanations(compiler, rule)
  if (compiler.problems.length > before || !pass) return undefined
  const conditionFacts = [reviewIf, fail, pass].flatMap((condition) =>
    condition ? collectFactReferences(condition.program.ast, ROOTS) : [],
  )
  const templateFacts = Object.values(explanations).flatMap((template) => template.facts)
  const inputs =
    rule.facts ?? mostSpecificPaths([...new Set([...rule.requires, ...conditionFacts, ...templateFacts])])
  return {
    definition: rule,
    requires: rule.requires.map(toRef),
    reviewIf,
    fail,
    pass,
    explanations,
    inputs: inputs.map(toRef),
    conditionFacts: [...new Set(conditionFacts)].map(toRef),
  }
}

/**
 * Compiles a resolved ruleset: type-checks every condition (`review_if`, `fail`, `pass`, each a bool)
 * and explanation placeholder against the fact catalogue and the ruleset's parameters, and checks
 * `requires` / `facts` name known facts. Throws one ConfigError listing every problem with its line.
 */
export function compileRuleset(resolved: ResolvedRuleset): CompiledRuleset {
  const parameters = toCelParameters(resolved.content.parameters)
  const compiler: RuleCompiler = {
    environment: createRulesEnvironment(parameters.types),
    resolved,
    parameterTypes: parameters.types,
    problems: [],
  }
  const rules = resolved.content.rules.map((rule) => compileRule(compiler, rule))
  if (compiler.problems.length > 0) throw rulesetError(resolved.name, compiler.problems)
  return {
    name: resolved.name,
    contentHash: resolved.contentHash,
    content: resolved.content,
    rules: rules as CompiledRule[],
    params: parameters.values,
  }
}
