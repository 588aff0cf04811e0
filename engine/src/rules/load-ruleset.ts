// Reads rulesets from a tenant's rules folder (`tenants/<id>/rules/<name>.yaml`); `extends` names
// files in the same folder.
import { readdir, readFile } from 'node:fs/promises'
import { NotFoundError } from '../shared/errors.ts'
import { parseRulesetText, type ResolvedRuleset } from './resolve-ruleset.ts'
import { assertRulesetName, rulesetFile } from './ruleset-files.ts'
import { rulesetNameSchema } from './ruleset-schema.ts'

const EXAMPLE_SUFFIX = '.example'

async function readRulesetText(
  dir: string,
  name: string,
): Promise<{ text: string; fileName: string } | undefined> {
  if (!rulesetNameSchema.safeParse(name).success) return undefined
  const file = rulesetFile(dir, name)
  try {
    return { text: await readFile(file.path, 'utf8'), fileName: file.displayName }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Loads and resolves the ruleset `<dir>/<name>.yaml`; throws NotFoundError or ConfigError (with lines). */
export async function loadRuleset(dir: string, name: string): Promise<ResolvedRuleset> {
  assertRulesetName(name)
  const found = await readRulesetText(dir, name)
  if (!found) throw new NotFoundError(`no ruleset "${name}" (expected ${rulesetFile(dir, name).displayName})`)
  return parseRulesetText(found.text, {
    name,
    fileName: found.fileName,
    resolveFile: (parent) => readRulesetText(dir, parent),
  })
}

export interface ListRulesetsOptions {
  /** Include `*.example.yaml` files (documentation, never published by default). */
  includeExamples?: boolean
}

/** The ruleset names in a rules folder, sorted; examples only when asked. */
export async function listRulesetNames(dir: string, options: ListRulesetsOptions = {}): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => entry.name.slice(0, -'.yaml'.length))
    .filter((name) => rulesetNameSchema.safeParse(name).success)
    .filter((name) => options.includeExamples || !name.endsWith(EXAMPLE_SUFFIX))
    .sort()
}
