// Parameters reach CEL with the type their YAML value has (5000 → int, 0.85 → double, "x" → string),
// so a threshold of the wrong type is a type error in the condition that uses it, found at load.
import type { ParameterValue } from './fact-catalog.ts'

function scalarType(value: number | string | boolean): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double'
  return typeof value === 'boolean' ? 'bool' : 'string'
}

/** The CEL type of a parameter value; a list of numbers is `list<double>` unless all are integers. */
export function celTypeOfParameter(value: ParameterValue): string {
  if (!Array.isArray(value)) return scalarType(value)
  if (value.length === 0) return 'list<dyn>'
  const types = new Set(value.map(scalarType))
  if (types.size === 1) return `list<${[...types][0]}>`
  return types.has('double') && types.has('int') && types.size === 2 ? 'list<double>' : 'list<dyn>'
}

function toCel(value: number | string | boolean, type: string): unknown {
  return type === 'int' && typeof value === 'number' ? BigInt(value) : value
}

/** Parameter types for the environment and values for evaluation (integers as BigInt). */
export function toCelParameters(parameters: Readonly<Record<string, ParameterValue>>): {
  types: Record<string, string>
  values: Record<string, unknown>
} {
  const types: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(parameters)) {
    const type = celTypeOfParameter(value)
    types[name] = type
    values[name] = Array.isArray(value)
      ? value.map((item) => toCel(item, type === 'list<int>' ? 'int' : 'other'))
      : toCel(value, type)
  }
  return { types, values }
}
