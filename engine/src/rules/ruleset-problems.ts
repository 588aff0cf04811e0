// One way to report what is wrong with a ruleset: every problem with its file, line and path, gathered
// into a single ConfigError (the API answers 400 with them, the CLI prints them), so nothing half-valid
// is ever published.
import { ConfigError } from '../shared/errors.ts'
import type { LocationIndex, SourceLocation } from './ruleset-locations.ts'

export interface RulesetProblem {
  file?: string
  line?: number
  /** Dotted path of the value, e.g. `rules.spend_threshold.pass`. */
  path: string
  message: string
}

/** A problem at a located value (the location may be unknown, e.g. for a ruleset read from storage). */
export function problemAt(
  location: SourceLocation | undefined,
  path: string,
  message: string,
): RulesetProblem {
  return { file: location?.file, line: location?.line, path, message }
}

/** The location of `path`, or of its nearest located parent (`rules.x.pass.0` → `rules.x.pass` → …). */
export function findLocation(locations: LocationIndex | undefined, path: string): SourceLocation | undefined {
  if (!locations) return undefined
  let key = path
  for (;;) {
    const location = locations.get(key)
    if (location) return location
    const dot = key.lastIndexOf('.')
    if (dot < 0) return undefined
    key = key.slice(0, dot)
  }
}

/** One ConfigError listing every problem; `details.problems` carries them for the API's 400. */
export function rulesetError(rulesetName: string, problems: RulesetProblem[]): ConfigError {
  const lines = problems.map((p) => {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''} ` : ''
    return `  ${where}at ${p.path}: ${p.message}`
  })
  return new ConfigError(`invalid ruleset ${rulesetName}:\n${lines.join('\n')}`, {
    ruleset: rulesetName,
    problems,
  })
}
