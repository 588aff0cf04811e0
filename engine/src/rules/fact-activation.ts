// Turns the providers' facts into what CEL evaluates: nulls become absent fields (so `has()` and
// `available()` see them as unavailable, and reading one is an error, never a silent false), integers
// become BigInt, and a value of the wrong type is a provider bug reported loudly instead of decided on.
import { ValidationError } from '../shared/errors.ts'
import { FACT_CATALOG, type FactGroup, type FactSet, type FactType } from './fact-catalog.ts'

/** The variables one evaluation hands to CEL. */
export type Activation = Record<string, unknown>

type Converter = (value: unknown, path: string) => unknown

function wrongType(path: string, expected: string, value: unknown): ValidationError {
  const got = Array.isArray(value) ? 'list' : typeof value
  return new ValidationError(`fact ${path} must be ${expected}, got ${got}`, { fact: path })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const CONVERTERS: Record<FactType, Converter> = {
  string: (value, path) => {
    if (typeof value !== 'string') throw wrongType(path, 'a string', value)
    return value
  },
  bool: (value, path) => {
    if (typeof value !== 'boolean') throw wrongType(path, 'a bool', value)
    return value
  },
  int: (value, path) => {
    if (typeof value === 'bigint') return value
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(path, 'an integer', value)
    return BigInt(value)
  },
  double: (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, 'a finite number', value)
    return value
  },
  'list<string>': (value, path) => {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw wrongType(path, 'a list of strings', value)
    }
    return value
  },
  'map<string, map<string, dyn>>': (value, path) => {
    if (!isPlainObject(value) || !Object.values(value).every(isPlainObject)) {
      throw wrongType(path, 'a map of maps', value)
    }
    return value
  },
}

interface FieldPlan {
  key: string
  path: string
  nullable: boolean
  convert: Converter
}

const PLAN = (Object.entries(FACT_CATALOG) as [string, FactGroup][]).map(([name, definition]) => ({
  name,
  nullable: definition.nullable,
  fields: Object.entries(definition.fields).map(
    ([key, field]): FieldPlan => ({
      key,
      path: `${name}.${key}`,
      nullable: field.nullable,
      convert: CONVERTERS[field.type],
    }),
  ),
}))

/**
 * Builds the CEL variables for one fact set plus the ruleset's (already converted) parameters.
 * Throws ValidationError naming the fact when a value is missing where required or of the wrong type.
 */
export function toActivation(facts: FactSet, params: Activation): Activation {
  const activation: Activation = { params }
  const source = facts as unknown as Record<string, unknown>
  for (const group of PLAN) {
    const value = source[group.name]
    if (value === null || value === undefined) {
      if (!group.nullable) throw new ValidationError(`fact ${group.name} is missing`, { fact: group.name })
      continue
    }
    if (!isPlainObject(value)) throw wrongType(group.name, 'an object', value)
    const converted: Record<string, unknown> = {}
    for (const field of group.fields) {
      const fieldValue = value[field.key]
      if (fieldValue === null || fieldValue === undefined) {
        if (!field.nullable) throw new ValidationError(`fact ${field.path} is missing`, { fact: field.path })
        continue
      }
      converted[field.key] = field.convert(fieldValue, field.path)
    }
    activation[group.name] = converted
  }
  return activation
}

/** Splits a fact path once, for reading it many times. */
export function compileFactPath(path: string): string[] {
  return path.split('.')
}

/** The value at a compiled path of the facts (or the parameters, under `params`); null when absent. */
export function readFactPath(
  facts: FactSet,
  params: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): unknown {
  let value: unknown = keys[0] === 'params' ? params : (facts as unknown as Record<string, unknown>)[keys[0]!]
  for (let i = 1; i < keys.length; i++) {
    if (!isPlainObject(value)) return null
    value = value[keys[i]!]
  }
  return value ?? null
}
