// Explanation templates: text with `{{expression}}` placeholders, each a CEL expression over the same
// facts (type-checked at load like conditions) with an optional formatter: `{{spend.amount | usd}}`.
import type { Environment, ParseResult } from '@marcbachmann/cel-js'
import { FORMATTERS, type Formatter, formatPlain } from './explanation-formatters.ts'
import { expressionCostProblem } from './expression-cost.ts'
import { collectFactReferences } from './expression-facts.ts'
import type { Activation } from './fact-activation.ts'

interface Placeholder {
  program: ParseResult
  format: Formatter
  argument: string | undefined
}

export interface CompiledTemplate {
  parts: (string | Placeholder)[]
  /** Facts the placeholders reference, in order. */
  facts: string[]
}

export interface TemplateProblem {
  /** Offset in the template text, for the line of the problem. */
  offset: number
  message: string
}

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g
// `expression | formatter[:argument]`; a single `|` (CEL's `||` is an operator) before a name at the end.
const WITH_FORMATTER = /^([\s\S]*[^|])\|(?!\|)\s*([a-z_]+)(?::\s*([^\s|]+))?\s*$/

function plainFormatter(value: unknown): string {
  return formatPlain(value)
}

/** Parses and type-checks a template; problems carry offsets into the template text. */
export function compileTemplate(
  text: string,
  environment: Environment,
  roots: ReadonlySet<string>,
): { template: CompiledTemplate; problems: TemplateProblem[] } {
  const parts: (string | Placeholder)[] = []
  const facts = new Set<string>()
  const problems: TemplateProblem[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(text.slice(last, match.index))
    last = match.index + match[0].length
    const inner = match[1]!
    const formatted = WITH_FORMATTER.exec(inner)
    const source = (formatted ? formatted[1]! : inner).trim()
    const formatterName = formatted?.[2]
    const format = formatterName === undefined ? plainFormatter : FORMATTERS[formatterName]
    if (!format) {
      problems.push({
        offset: match.index,
        message: `unknown formatter "${formatterName}" in {{${inner.trim()}}} (known: ${Object.keys(FORMATTERS).join(', ')})`,
      })
      continue
    }
    const checked = environment.check(source)
    if (!checked.valid) {
      const summary = checked.error?.summary ?? checked.error?.message ?? 'invalid expression'
      problems.push({ offset: match.index, message: `${summary} in {{${inner.trim()}}}` })
      continue
    }
    const program = environment.parse(source)
    const costly = expressionCostProblem(program.ast)
    if (costly) {
      problems.push({ offset: match.index, message: `{{${inner.trim().slice(0, 80)}}} ${costly}` })
      continue
    }
    for (const fact of collectFactReferences(program.ast, roots)) facts.add(fact)
    parts.push({ program, format, argument: formatted?.[3] })
  }
  if (text.indexOf('{{', last) >= 0) {
    problems.push({ offset: text.indexOf('{{', last), message: 'a {{ placeholder is not closed with }}' })
  }
  if (last < text.length) parts.push(text.slice(last))
  return { template: { parts, facts: [...facts] }, problems }
}

/** Fills a template; a placeholder whose facts are unavailable reads `n/a`. */
export function renderTemplate(template: CompiledTemplate, activation: Activation): string {
  let text = ''
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    let value: unknown
    try {
      value = part.program(activation)
    } catch {
      value = null
    }
    text += part.format(value, part.argument)
  }
  return text
}
