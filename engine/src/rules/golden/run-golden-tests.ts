// Runs the golden cases of a tenant's rules folder (`<rules>/tests/*.yaml`): each case's facts through
// its ruleset, compared with the expected results. CI runs them through vitest, people through
// `revops rules test`; both read the same per-case results.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { parseYamlWithSchema } from '../../config/parse-yaml.ts'
import { coerceError } from '../../shared/errors.ts'
import { type CompiledRuleset, compileRuleset } from '../compile-ruleset.ts'
import { canonicalJson } from '../content-hash.ts'
import { evaluateRuleset, type RulesetEvaluation } from '../evaluate-ruleset.ts'
import { loadRuleset } from '../load-ruleset.ts'
import { buildFacts, type PartialFacts } from './default-facts.ts'
import { type GoldenCase, type GoldenFixture, goldenFixtureSchema } from './golden-fixture.ts'

export interface GoldenCaseResult {
  /** The fixture file, and the line its case starts on. */
  file: string
  line: number | undefined
  ruleset: string
  rule: string | undefined
  name: string
  passed: boolean
  /** What differed from the expectation, one line each. */
  failures: string[]
  evaluation: RulesetEvaluation | undefined
}

export interface RunGoldenTestsOptions {
  /** Where the fixtures are; `<rulesDir>/tests` unless told. */
  testsDir?: string
}

function asList(text: string | string[] | undefined): string[] {
  return text === undefined ? [] : typeof text === 'string' ? [text] : text
}

function check(golden: GoldenCase, rule: string | undefined, evaluation: RulesetEvaluation): string[] {
  const failures: string[] = []
  const { expect } = golden
  const traceOf = (id: string) => evaluation.rules.find((trace) => trace.rule_id === id)
  if (expect.outcome && evaluation.outcome !== expect.outcome) {
    failures.push(`outcome: expected ${expect.outcome}, got ${evaluation.outcome}`)
  }
  for (const [id, result] of Object.entries(expect.results ?? {})) {
    const trace = traceOf(id)
    if (!trace) failures.push(`results.${id}: no such rule in ${evaluation.ruleset}`)
    else if (trace.result !== result)
      failures.push(`${id}: expected ${result}, got ${trace.result} (${trace.explanation})`)
  }
  const aboutRule =
    expect.result ??
    expect.explanation_contains ??
    expect.explanation_excludes ??
    expect.missing ??
    expect.inputs
  if (aboutRule === undefined) return failures
  const trace = rule ? traceOf(rule) : undefined
  if (!trace)
    return [...failures, rule ? `rule ${rule} is not in ${evaluation.ruleset}` : 'no rule under test named']
  if (expect.result && trace.result !== expect.result) {
    failures.push(`${rule}: expected ${expect.result}, got ${trace.result} (${trace.explanation})`)
  }
  for (const text of asList(expect.explanation_contains)) {
    if (!trace.explanation.includes(text))
      failures.push(`${rule}: explanation lacks "${text}": ${trace.explanation}`)
  }
  for (const text of asList(expect.explanation_excludes)) {
    if (trace.explanation.includes(text))
      failures.push(`${rule}: explanation has "${text}": ${trace.explanation}`)
  }
  if (
    expect.missing &&
    canonicalJson([...trace.missing].sort()) !== canonicalJson([...expect.missing].sort())
  ) {
    failures.push(
      `${rule}: expected missing ${JSON.stringify(expect.missing)}, got ${JSON.stringify(trace.missing)}`,
    )
  }
  for (const [fact, value] of Object.entries(expect.inputs ?? {})) {
    if (canonicalJson(trace.inputs[fact] ?? null) !== canonicalJson(value)) {
      failures.push(
        `${rule}: input ${fact} expected ${JSON.stringify(value)}, got ${JSON.stringify(trace.inputs[fact])}`,
      )
    }
  }
  return failures
}

function caseLines(text: string): (number | undefined)[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  const cases = document.get('cases', true) as { items?: { range?: [number, number, number] }[] } | undefined
  return (cases?.items ?? []).map((item) =>
    item.range ? lineCounter.linePos(item.range[0]).line : undefined,
  )
}

/**
 * Runs every fixture under the tests folder against the rulesets of `rulesDir`. Throws ConfigError for
 * a fixture or ruleset that does not load (naming the line); a case whose expectation is not met, or
 * whose facts do not fit the catalogue, is a failed result.
 */
export async function runGoldenTests(
  rulesDir: string,
  options: RunGoldenTestsOptions = {},
): Promise<GoldenCaseResult[]> {
  const testsDir = options.testsDir ?? path.join(rulesDir, 'tests')
  const files = (await readdir(testsDir)).filter((name) => name.endsWith('.yaml')).sort()
  const rulesets = new Map<string, CompiledRuleset>()
  const results: GoldenCaseResult[] = []
  for (const name of files) {
    const file = path.join(testsDir, name)
    const text = await readFile(file, 'utf8')
    const fixture: GoldenFixture = parseYamlWithSchema(text, goldenFixtureSchema, file)
    const lines = caseLines(text)
    let compiled = rulesets.get(fixture.ruleset)
    if (!compiled) {
      compiled = compileRuleset(await loadRuleset(rulesDir, fixture.ruleset))
      rulesets.set(fixture.ruleset, compiled)
    }
    fixture.cases.forEach((golden, index) => {
      const rule = golden.rule ?? fixture.rule
      const asOf = golden.as_of ?? fixture.as_of
      const result = { file, line: lines[index], ruleset: fixture.ruleset, rule, name: golden.name }
      if (!asOf) {
        results.push({
          ...result,
          passed: false,
          failures: ['no as_of date (set it on the case or the file)'],
          evaluation: undefined,
        })
        return
      }
      let evaluation: RulesetEvaluation
      try {
        evaluation = evaluateRuleset(compiled, buildFacts(asOf, golden.facts as PartialFacts))
      } catch (error) {
        results.push({
          ...result,
          passed: false,
          failures: [coerceError(error).message],
          evaluation: undefined,
        })
        return
      }
      const failures = check(golden, rule, evaluation)
      results.push({ ...result, passed: failures.length === 0, failures, evaluation })
    })
  }
  return results
}

/** A report for people: one line per case, the failures under it, and the totals; paths relative to `relativeTo`. */
export function formatGoldenResults(results: readonly GoldenCaseResult[], relativeTo?: string): string {
  const lines = results.map((result) => {
    const file = relativeTo ? path.relative(relativeTo, result.file) : result.file
    const where = `${file}${result.line ? `:${result.line}` : ''}`
    const head = `${result.passed ? 'ok  ' : 'FAIL'} ${where} ${result.rule ?? result.ruleset}: ${result.name}`
    return [head, ...result.failures.map((failure) => `       ${failure}`)].join('\n')
  })
  const failed = results.filter((result) => !result.passed).length
  lines.push(`${results.length - failed} passed, ${failed} failed, ${results.length} cases`)
  return lines.join('\n')
}
