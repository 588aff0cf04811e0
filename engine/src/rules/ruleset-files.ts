// Where a ruleset's file is: `<rules folder>/<name>.yaml`, and nowhere else. A ruleset name comes from a
// request, a YAML `extends:` or the CLI; it is checked as a name and the file is resolved inside the
// tenant's own rules folder, so no name reaches another tenant's folder or the host's files.
import path from 'node:path'
import { ValidationError } from '../shared/errors.ts'
import { rulesetNameSchema } from './ruleset-schema.ts'

export interface RulesetFileLocation {
  /** The absolute path, for reading. */
  path: string
  /** What errors and stored sources show: relative to the tenant folder (`rules/pod.yaml`). */
  displayName: string
}

/** Throws ValidationError unless `name` is a ruleset name (never a path). */
export function assertRulesetName(name: string, field = 'ruleset'): string {
  const parsed = rulesetNameSchema.safeParse(name)
  if (!parsed.success) {
    const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name
    throw new ValidationError(
      `${JSON.stringify(shown)} is not a ruleset name: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      { field },
    )
  }
  return parsed.data
}

/** The file of ruleset `name` in `rulesDir`; ValidationError for anything that is not a name. */
export function rulesetFile(rulesDir: string, name: string): RulesetFileLocation {
  assertRulesetName(name)
  const dir = path.resolve(rulesDir)
  const file = path.resolve(dir, `${name}.yaml`)
  // The name's pattern has no separator; this keeps it true should the pattern ever change.
  if (path.dirname(file) !== dir) throw new ValidationError(`ruleset ${name} is outside the rules folder`)
  return { path: file, displayName: `${path.basename(dir)}/${name}.yaml` }
}
