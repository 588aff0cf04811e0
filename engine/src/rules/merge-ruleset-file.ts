// Applies one ruleset file on top of the ruleset it extends: new parameters and rules are added, and
// only `overrides` may change inherited ones, so a customer file cannot shadow a base rule by accident.
import type { ParameterValue } from './fact-catalog.ts'
import type { LocationIndex, RulesetFileRead } from './read-ruleset-file.ts'
import { findLocation, problemAt, type RulesetProblem, rulesetError } from './ruleset-problems.ts'
import type { RuleDefinition, RuleOverride } from './ruleset-schema.ts'

/** A ruleset resolved so far, with where each value came from. */
export interface RulesetParts {
  name: string
  description: string
  parameters: Record<string, ParameterValue>
  rules: RuleDefinition[]
  /** The files read, this ruleset's first, then the ones it extends. */
  files: string[]
  locations: LocationIndex
}

/** The kind a parameter keeps when overridden: a number stays a number, a list of strings stays one. */
export function parameterKind(value: ParameterValue): string {
  if (!Array.isArray(value)) return typeof value === 'boolean' ? 'bool' : typeof value
  const first = value[0]
  return first === undefined ? 'list' : `list of ${typeof first === 'boolean' ? 'bool' : typeof first}s`
}

function sameKind(current: ParameterValue, value: ParameterValue): boolean {
  if (Array.isArray(current) && Array.isArray(value) && (current.length === 0 || value.length === 0))
    return true
  return parameterKind(current) === parameterKind(value)
}

function copyLocations(locations: LocationIndex, from: LocationIndex, fromPrefix: string, toPrefix: string) {
  for (const key of [...locations.keys()]) {
    if (key === toPrefix || key.startsWith(`${toPrefix}.`)) locations.delete(key)
  }
  for (const [key, location] of from) {
    if (key === fromPrefix || key.startsWith(`${fromPrefix}.`)) {
      locations.set(toPrefix + key.slice(fromPrefix.length), location)
    }
  }
}

function where(locations: LocationIndex, path: string): string {
  const location = locations.get(path)
  return location ? ` (${location.file}:${location.line})` : ''
}

function applyOverride(rule: RuleDefinition, override: RuleOverride): RuleDefinition {
  const changed: Record<string, unknown> = { ...rule }
  for (const [field, value] of Object.entries(override)) {
    if (value !== undefined) changed[field] = value
  }
  return changed as RuleDefinition
}

/** Every rule field explicit, absent optional ones null: the form that is hashed and compared. */
export function toRuleDefinition(rule: RulesetFileRead['file']['rules'][number]): RuleDefinition {
  return {
    id: rule.id,
    description: rule.description,
    severity: rule.severity,
    enabled: rule.enabled,
    requires: rule.requires,
    review_if: rule.review_if ?? null,
    pass: rule.pass,
    fail: rule.fail ?? null,
    explanation: rule.explanation,
    facts: rule.facts ?? null,
  }
}

interface Merge {
  read: RulesetFileRead
  locations: LocationIndex
  parameters: Record<string, ParameterValue>
  rules: RuleDefinition[]
  problem(path: string, message: string): void
}

function addParameters(merge: Merge) {
  const { read, locations, parameters } = merge
  for (const [name, value] of Object.entries(read.file.parameters)) {
    const path = `parameters.${name}`
    if (Object.hasOwn(parameters, name)) {
      merge.problem(
        path,
        `parameter ${name} is already defined${where(locations, path)}; change it under overrides.parameters`,
      )
      continue
    }
    parameters[name] = value
    copyLocations(locations, read.locations, path, path)
  }
}

function addRules(merge: Merge) {
  const { read, locations, rules } = merge
  for (const rule of read.file.rules) {
    const path = `rules.${rule.id}`
    if (rules.some((existing) => existing.id === rule.id)) {
      merge.problem(
        path,
        `rule ${rule.id} is already defined${where(locations, path)}; change it under overrides.rules`,
      )
      continue
    }
    rules.push(toRuleDefinition(rule))
    copyLocations(locations, read.locations, path, path)
  }
}

function applyOverrides(merge: Merge) {
  const { read, locations, parameters, rules } = merge
  for (const [name, value] of Object.entries(read.file.overrides?.parameters ?? {})) {
    const path = `overrides.parameters.${name}`
    const current = parameters[name]
    if (current === undefined) {
      const known = Object.keys(parameters).join(', ') || 'none'
      merge.problem(path, `unknown parameter ${name} (known: ${known}); add new ones under parameters`)
    } else if (!sameKind(current, value)) {
      const defined = where(locations, `parameters.${name}`)
      merge.problem(
        path,
        `parameter ${name} must stay a ${parameterKind(current)}${defined}, got a ${parameterKind(value)}`,
      )
    } else {
      parameters[name] = value
      copyLocations(locations, read.locations, path, `parameters.${name}`)
    }
  }
  for (const [id, override] of Object.entries(read.file.overrides?.rules ?? {})) {
    const index = rules.findIndex((rule) => rule.id === id)
    if (index < 0) {
      const known = rules.map((rule) => rule.id).join(', ') || 'none'
      merge.problem(`overrides.rules.${id}`, `unknown rule id ${id} (known: ${known})`)
      continue
    }
    rules[index] = applyOverride(rules[index]!, override)
    for (const field of Object.keys(override)) {
      copyLocations(locations, read.locations, `overrides.rules.${id}.${field}`, `rules.${id}.${field}`)
    }
  }
}

/**
 * Merges one read file over its resolved base (none for a file without `extends`). Throws a
 * ConfigError listing every problem: a redefined parameter or rule, an override of an unknown one, a
 * parameter overridden with a value of another kind, overrides without `extends`.
 */
export function mergeRulesetFile(read: RulesetFileRead, base: RulesetParts | undefined): RulesetParts {
  const problems: RulesetProblem[] = []
  const merge: Merge = {
    read,
    locations: new Map(base?.locations),
    parameters: { ...base?.parameters },
    rules: [...(base?.rules ?? [])],
    problem: (path, message) => problems.push(problemAt(findLocation(read.locations, path), path, message)),
  }
  // The top-level values are this file's own; the inherited rules and parameters keep their places.
  for (const key of ['ruleset', 'description', 'extends']) {
    merge.locations.delete(key)
    const location = read.locations.get(key)
    if (location) merge.locations.set(key, location)
  }
  addParameters(merge)
  addRules(merge)
  if (read.file.overrides && !base)
    merge.problem('overrides', 'overrides need `extends`: there is nothing to override')
  applyOverrides(merge)
  if (problems.length > 0) throw rulesetError(read.file.ruleset, problems)
  return {
    name: read.file.ruleset,
    description: read.file.description,
    parameters: merge.parameters,
    rules: merge.rules,
    files: [read.fileName, ...(base?.files ?? [])],
    locations: merge.locations,
  }
}
