// Resolves a ruleset from YAML text (a file, or a request body): follows `extends` through the files a
// caller supplies, rejects cycles, applies overrides, and hashes the result as its immutable identity.
import { ConfigError } from '../shared/errors.ts'
import { hashRulesetContent } from './content-hash.ts'
import { mergeRulesetFile, type RulesetParts } from './merge-ruleset-file.ts'
import { type LocationIndex, readRulesetFile } from './read-ruleset-file.ts'
import { problemAt, rulesetError } from './ruleset-problems.ts'
import { type RulesetContent, rulesetContentSchema } from './ruleset-schema.ts'

/** A ruleset with extends and overrides applied, ready to compile, diff and publish. */
export interface ResolvedRuleset {
  name: string
  /** What a published version stores and what is hashed. */
  content: RulesetContent
  /** `sha256:<hex>` of the canonical JSON of `content`. */
  contentHash: string
  /** The files read: this ruleset's first, then the ones it extends (empty when read from storage). */
  files: string[]
  /** Where each value was written, for errors that name the line (empty when read from storage). */
  locations: LocationIndex
}

/** The text of an extended ruleset, optionally with the name to show in errors; undefined if unknown. */
export type ResolveFile = (
  name: string,
) =>
  | Promise<string | { text: string; fileName: string } | undefined>
  | string
  | { text: string; fileName: string }
  | undefined

export interface ParseRulesetOptions {
  /** The ruleset's name; the text's `ruleset:` must say the same. */
  name: string
  /** Gives the ruleset files `extends` names (same folder, or published versions). */
  resolveFile: ResolveFile
  /** Shown in errors; `<name>.yaml` unless told. */
  fileName?: string
}

async function resolveParts(
  name: string,
  text: string,
  fileName: string,
  resolveFile: ResolveFile,
  chain: string[],
): Promise<RulesetParts> {
  const read = readRulesetFile(text, fileName)
  const { file, locations } = read
  if (file.ruleset !== name) {
    throw rulesetError(name, [
      problemAt(
        locations.get('ruleset'),
        'ruleset',
        `says "${file.ruleset}" but the file is ruleset "${name}"`,
      ),
    ])
  }
  if (!file.extends) return mergeRulesetFile(read, undefined)
  const path = [...chain, name]
  if (path.includes(file.extends)) {
    const cycle = [...path.slice(path.indexOf(file.extends)), file.extends].join(' → ')
    throw rulesetError(name, [problemAt(locations.get('extends'), 'extends', `extends cycle: ${cycle}`)])
  }
  const found = await resolveFile(file.extends)
  if (found === undefined) {
    throw rulesetError(name, [
      problemAt(
        locations.get('extends'),
        'extends',
        `unknown ruleset ${file.extends} (no ${file.extends}.yaml)`,
      ),
    ])
  }
  const parent = typeof found === 'string' ? { text: found, fileName: `${file.extends}.yaml` } : found
  const base = await resolveParts(file.extends, parent.text, parent.fileName, resolveFile, path)
  return mergeRulesetFile(read, base)
}

/**
 * Parses ruleset YAML (e.g. a request body), resolving `extends` through `resolveFile`. Throws
 * ConfigError naming the file, line and problem. Only structure is checked here: compileRuleset
 * type-checks the conditions and must succeed before a version is published.
 */
export async function parseRulesetText(text: string, options: ParseRulesetOptions): Promise<ResolvedRuleset> {
  const parts = await resolveParts(
    options.name,
    text,
    options.fileName ?? `${options.name}.yaml`,
    options.resolveFile,
    [],
  )
  const content: RulesetContent = {
    ruleset: parts.name,
    description: parts.description,
    parameters: parts.parameters,
    rules: parts.rules,
  }
  return {
    name: parts.name,
    content,
    contentHash: hashRulesetContent(content),
    files: parts.files,
    locations: parts.locations,
  }
}

/** A ruleset from stored content (a published version's JSON), validated and re-hashed. */
export function rulesetFromContent(stored: unknown): ResolvedRuleset {
  const parsed = rulesetContentSchema.safeParse(stored)
  if (!parsed.success) {
    const name = (stored as { ruleset?: unknown } | null)?.ruleset
    const problems = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }))
    if (typeof name === 'string') throw rulesetError(name, problems)
    throw new ConfigError(
      `invalid stored ruleset: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      {
        problems,
      },
    )
  }
  const content = parsed.data
  return {
    name: content.ruleset,
    content,
    contentHash: hashRulesetContent(content),
    files: [],
    locations: new Map(),
  }
}
