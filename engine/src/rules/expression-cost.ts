// A bound on what one evaluation of a CEL expression can cost, from its syntax tree, so a ruleset whose
// conditions would take seconds per opportunity (nested comprehensions multiply: five nested
// `[1,…,10].all(…)` are 100,000 steps) is refused when it is compiled, naming the rule, instead of
// stalling every evaluation. Evaluation also runs under a time budget (ruleset-sandbox.ts); this check
// turns the common runaway into a clear error before anything runs.
import type { ASTNode } from '@marcbachmann/cel-js'

/** Steps one evaluation may take, per expression. The default POD rules need fewer than 200. */
export const MAX_EXPRESSION_COST = 20_000

/** Elements assumed for a list or map whose size is only known at evaluation (a fact, a parameter). */
export const ASSUMED_COLLECTION_SIZE = 100

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter'])

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value
}

function children(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) visit(item)
    else if (isNode(value)) found.push(value)
  }
  visit(node.args)
  return found
}

function comprehension(node: ASTNode): { target: ASTNode; body: ASTNode[] } | undefined {
  if (node.op !== 'rcall') return undefined
  const [name, target, rest] = node.args as [unknown, unknown, unknown]
  if (typeof name !== 'string' || !COMPREHENSIONS.has(name) || !isNode(target) || !Array.isArray(rest))
    return undefined
  // rest = [iteration variable, body…]; the variable costs nothing.
  return { target, body: rest.slice(1).filter(isNode) }
}

/** How many elements a collection expression can have. */
function sizeOf(node: ASTNode): number {
  if (node.op === 'list' || node.op === 'map') return children(node).length
  const loop = comprehension(node)
  if (loop && (node.args as unknown[])[0] !== 'all') return sizeOf(loop.target)
  if (node.op === '+') return children(node).reduce((sum, child) => sum + sizeOf(child), 0)
  return ASSUMED_COLLECTION_SIZE
}

/** Estimated steps of one evaluation: each node is one, a comprehension's body counts once per element. */
export function estimateExpressionCost(node: ASTNode): number {
  const loop = comprehension(node)
  if (loop) {
    const body = loop.body.reduce((sum, child) => sum + estimateExpressionCost(child), 0)
    return 1 + estimateExpressionCost(loop.target) + sizeOf(loop.target) * (body + 1)
  }
  return children(node).reduce((sum, child) => sum + estimateExpressionCost(child), 1)
}

/** The problem with an expression's cost, or undefined when it is within the bound. */
export function expressionCostProblem(ast: ASTNode): string | undefined {
  const cost = estimateExpressionCost(ast)
  if (cost <= MAX_EXPRESSION_COST) return undefined
  return `is too costly to evaluate: about ${cost.toLocaleString('en-US')} steps per opportunity (at most ${MAX_EXPRESSION_COST.toLocaleString('en-US')}; nested comprehensions multiply, a list of unknown size counts as ${ASSUMED_COLLECTION_SIZE})`
}
