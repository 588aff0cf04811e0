// The CEL environment rule conditions are checked and evaluated in: the fact catalogue as typed
// variables, the ruleset's parameters as `params`, optional chaining (`match.?dense_similarity`), and
// `available(x)`, which says whether a fact (a whole group like `match`, or a field) is non-null.
import { type ASTNode, Environment, EvaluationError } from '@marcbachmann/cel-js'
import { selectChain } from './expression-facts.ts'
import { FACT_CATALOG, type FactGroup, PARAMS_GROUP } from './fact-catalog.ts'

// The parts of cel-js's macro interface we use (its own typings leave macro handlers untyped).
interface MacroNode {
  op: string
  args: unknown
}
interface MacroChecker {
  check(node: MacroNode, ctx: unknown): unknown
  getType(name: string): unknown
  createError(code: string, message: string, node: MacroNode): Error
}
interface MacroEvaluator {
  run(node: MacroNode, ctx: unknown): unknown
}
interface AvailableMacro {
  args: MacroNode[]
}

// Absent facts surface as these codes; any other error (a real bug) still propagates.
const UNAVAILABLE = new Set(['no_such_key', 'unknown_variable'])

/** A select chain that starts at an identifier (`match`, `spend.amount`). */
function isFactReference(node: MacroNode): boolean {
  return selectChain(node as unknown as ASTNode) !== undefined
}

const availableMacro = ({ args }: { args: MacroNode[] }) => ({
  args,
  typeCheck(checker: MacroChecker, macro: AvailableMacro, ctx: unknown) {
    const [node] = macro.args
    if (!node || !isFactReference(node)) {
      throw checker.createError(
        'invalid_macro_argument',
        'available() takes a fact, e.g. available(match)',
        node!,
      )
    }
    checker.check(node, ctx)
    return checker.getType('bool')
  },
  evaluate(evaluator: MacroEvaluator, macro: AvailableMacro, ctx: unknown) {
    try {
      evaluator.run(macro.args[0]!, ctx)
      return true
    } catch (error) {
      if (error instanceof EvaluationError && UNAVAILABLE.has(error.code)) return false
      throw error
    }
  },
})

function createFactEnvironment(): Environment {
  const environment = new Environment({ enableOptionalTypes: true })
  for (const [name, definition] of Object.entries(FACT_CATALOG) as [string, FactGroup][]) {
    const schema = Object.fromEntries(
      Object.entries(definition.fields).map(([key, field]) => [key, field.type]),
    )
    environment.registerVariable({ name, schema, description: definition.description })
  }
  environment.registerFunction('available(ast): bool', availableMacro, {
    description:
      'Whether a fact is available (non-null), e.g. available(match), available(opportunity.stage).',
  })
  return environment
}

// Building an environment is the costly part of cel-js; the catalogue part is built once and cloned.
let factEnvironment: Environment | undefined

/** An environment with the catalogue and `params` typed as given (name → CEL type, e.g. `int`). */
export function createRulesEnvironment(parameterTypes: Readonly<Record<string, string>>): Environment {
  factEnvironment ??= createFactEnvironment()
  return factEnvironment.clone().registerVariable({
    name: PARAMS_GROUP.name,
    schema: { ...parameterTypes },
    description: PARAMS_GROUP.description,
  })
}
