// Which facts an expression reads, from its syntax tree: they become the rule's inputs in the trace,
// and the ones that are null explain a rule that could not be evaluated.
import type { ASTNode } from '@marcbachmann/cel-js'

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value
}

/** The select chain `a.b.c` as ['a', 'b', 'c'] when it starts at an identifier, else undefined. */
export function selectChain(node: ASTNode): string[] | undefined {
  const names: string[] = []
  let current: ASTNode = node
  while (current.op === '.' || current.op === '.?') {
    const [target, field] = current.args as [ASTNode, string]
    names.unshift(field)
    current = target
  }
  if (current.op !== 'id') return undefined
  names.unshift(current.args as string)
  return names
}

/**
 * Fact paths an expression references, in order of appearance, as `group` or `group.field` (deeper
 * selections such as `match.comparisons['name'].level` count as `match.comparisons`). Only
 * identifiers in `roots` are facts; comprehension variables are not.
 */
export function collectFactReferences(ast: ASTNode, roots: ReadonlySet<string>): string[] {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!isNode(value)) return
    if (value.op === 'id' || value.op === '.' || value.op === '.?') {
      const chain = selectChain(value)
      if (chain) {
        if (roots.has(chain[0]!)) found.add(chain.slice(0, 2).join('.'))
        return
      }
    }
    visit(value.args)
  }
  visit(ast)
  return [...found]
}

/** Drops a path when a more specific one below it is listed (`match` when `match.band` is). */
export function mostSpecificPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => !paths.some((other) => other.startsWith(`${path}.`)))
}
