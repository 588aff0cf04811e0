// Turns ruleset YAML (a request body, a file, the tenant's rules folder) into a version: read, resolve
// `extends`, compile, publish. `ensurePublished` is what the pipeline uses: it publishes the tenant's
// file only when nothing is published yet, and otherwise never publishes behind anyone's back.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Sql } from '@revops/db'
import type { Tenant } from '../config/load-tenant-config.ts'
import type { CompiledRuleset } from '../rules/compile-ruleset.ts'
import { listRulesetNames } from '../rules/load-ruleset.ts'
import type { ResolvedRuleset } from '../rules/resolve-ruleset.ts'
import { rulesetFile } from '../rules/ruleset-files.ts'
import { type ResolvableFile, readRulesetInSandbox } from '../rules/ruleset-sandbox.ts'
import { NotFoundError, ValidationError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import { silentLogger } from '../shared/logger.ts'
import {
  compileRulesetVersion,
  type PublishResult,
  publishResolvedRuleset,
  type RulesetVersion,
  readLatestRulesetVersion,
  readLatestRulesetVersions,
} from './ruleset-versions.ts'

/** The ruleset every tenant is decided with unless told otherwise. */
export const DEFAULT_RULESET = 'pod'

/** A tenant's rules folder. */
export function rulesDirOf(tenant: Pick<Tenant, 'dir'>): string {
  return path.join(tenant.dir, 'rules')
}

export interface ReadCandidateOptions {
  /** Shown in errors; `<ruleset>.yaml` unless told. */
  fileName?: string | undefined
  /** Where `extends` looks first (the tenant's rules folder). */
  rulesDir?: string | undefined
  /** Where `extends` looks next: the latest published version of that ruleset. */
  published?: { sql: Sql; tenantId: string } | undefined
  /** The ruleset the text must declare (a body sent to /rules/pod/… must be ruleset pod). */
  expectName?: string | undefined
}

export interface CandidateRuleset {
  /** Resolved and compiled (so valid: types, facts, cost); compiled again where it is evaluated. */
  resolved: ResolvedRuleset
  /** The YAML text of each file used, by file name. */
  source: Record<string, string>
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

interface Extendable extends ResolvableFile {
  /** The YAML of every file behind it, by file name (a published version's sources). */
  source: Record<string, string>
}

// What `extends` may name: the tenant's own files first, then the latest published versions. Gathered
// here (the folder is small, the versions are one query) so the sandbox needs no file system or database.
async function extendableFiles(options: ReadCandidateOptions): Promise<Record<string, Extendable>> {
  const files: Record<string, Extendable> = {}
  if (options.published) {
    for (const version of await readLatestRulesetVersions(
      options.published.sql,
      options.published.tenantId,
    )) {
      const own = version.files[0]!
      files[version.ruleset] = {
        text: version.source[own] ?? '',
        fileName: `${own} (published version ${version.version})`,
        source: version.source,
      }
    }
  }
  if (options.rulesDir) {
    for (const name of await listRulesetNames(options.rulesDir, { includeExamples: true })) {
      const file = rulesetFile(options.rulesDir, name)
      const text = await readIfExists(file.path)
      if (text !== undefined)
        files[name] = { text, fileName: file.displayName, source: { [`${name}.yaml`]: text } }
    }
  }
  return files
}

/**
 * Reads, resolves and compiles ruleset YAML in the ruleset sandbox (off the event loop, within a time
 * budget). Throws ConfigError naming the file, line and problem of invalid YAML, unknown facts, type errors,
 * costly expressions and parameters of the wrong type.
 */
export async function readCandidateRuleset(
  text: string,
  options: ReadCandidateOptions = {},
): Promise<CandidateRuleset> {
  const fallbackName = options.fileName
    ? path.basename(options.fileName).replace(/\.ya?ml$/, '')
    : (options.expectName ?? DEFAULT_RULESET)
  const files = await extendableFiles(options)
  const { resolved, used } = await readRulesetInSandbox({
    text,
    fallbackName,
    fileName: options.fileName,
    files: Object.fromEntries(
      Object.entries(files).map(([name, file]) => [name, { text: file.text, fileName: file.fileName }]),
    ),
  })
  if (options.expectName !== undefined && resolved.name !== options.expectName) {
    throw new ValidationError(
      `the YAML declares ruleset ${resolved.name}, but this is ruleset ${options.expectName}`,
      {
        field: 'body.yaml',
      },
    )
  }
  const source: Record<string, string> = {
    [path.basename(options.fileName ?? `${resolved.name}.yaml`)]: text,
  }
  for (const name of used) Object.assign(source, files[name]!.source)
  return { resolved, source }
}

export interface PublishTextInput extends ReadCandidateOptions {
  tenantId: string
  author: string
  authorKeyId?: string | null | undefined
  authorDisplayName?: string | null | undefined
}

/** Validates and publishes ruleset YAML (e.g. an API request body); nothing is stored when it is invalid. */
export async function publishRulesetText(
  sql: Sql,
  text: string,
  input: PublishTextInput,
): Promise<PublishResult> {
  const candidate = await readCandidateRuleset(text, {
    ...input,
    published: input.published ?? { sql, tenantId: input.tenantId },
  })
  return publishResolvedRuleset(sql, {
    tenantId: input.tenantId,
    author: input.author,
    authorKeyId: input.authorKeyId,
    authorDisplayName: input.authorDisplayName,
    resolved: candidate.resolved,
    source: candidate.source,
  })
}

/** Reads ruleset `name` from a rules folder; NotFoundError (naming the file relative to the tenant) when missing. */
export async function readRulesetFileText(
  rulesDir: string,
  name: string,
): Promise<{ text: string; fileName: string }> {
  const file = rulesetFile(rulesDir, name)
  const text = await readIfExists(file.path)
  if (text === undefined) throw new NotFoundError(`no ruleset ${name} (no ${file.displayName})`)
  return { text, fileName: file.displayName }
}

/**
 * Validates and publishes `<rulesDir>/<name>.yaml`, resolving `extends` in rulesDir. `file` (the CLI's
 * `--file`, an operator's explicit choice) publishes another file instead.
 */
export async function publishRulesetFile(
  sql: Sql,
  input: { tenantId: string; rulesDir: string; author: string; ruleset?: string; file?: string },
): Promise<PublishResult> {
  const { text, fileName } = input.file
    ? { text: await readFile(input.file, 'utf8'), fileName: input.file }
    : await readRulesetFileText(input.rulesDir, input.ruleset ?? DEFAULT_RULESET)
  return publishRulesetText(sql, text, {
    tenantId: input.tenantId,
    author: input.author,
    fileName,
    rulesDir: input.rulesDir,
  })
}

export interface EnsurePublishedResult {
  version: RulesetVersion
  compiled: CompiledRuleset
  /** Version 1 was published just now from the tenant's file. */
  published: boolean
  /** The tenant's file no longer matches the latest version (publishing it is an explicit act). */
  fileDiffers: boolean
}

/**
 * The latest published version of a tenant's ruleset, ready to evaluate. When nothing is published yet,
 * the tenant's `rules/<name>.yaml` is published as version 1 by `system`. When that file has changed
 * since (or no longer compiles), the latest version is still used and a warning says so: the pipeline
 * never publishes an edit nobody approved.
 */
export async function ensurePublished(
  sql: Sql,
  tenant: Pick<Tenant, 'dir' | 'config'>,
  name: string = DEFAULT_RULESET,
  options: { log?: Logger } = {},
): Promise<EnsurePublishedResult> {
  const log = options.log ?? silentLogger
  const tenantId = tenant.config.tenant_id
  const rulesDir = rulesDirOf(tenant)
  const latest = await readLatestRulesetVersion(sql, tenantId, name)
  if (!latest) {
    const { version } = await publishRulesetFile(sql, { tenantId, rulesDir, author: 'system', ruleset: name })
    log.info(
      `published ruleset ${name} version ${version.version} from ${rulesetFile(rulesDir, name).displayName}`,
    )
    return { version, compiled: compileRulesetVersion(version), published: true, fileDiffers: false }
  }
  let fileDiffers = false
  const { path: filePath, displayName: file } = rulesetFile(rulesDir, name)
  const text = await readIfExists(filePath)
  if (text !== undefined) {
    try {
      const candidate = await readCandidateRuleset(text, { fileName: file, rulesDir })
      fileDiffers = candidate.resolved.contentHash !== latest.content_hash
    } catch (error) {
      fileDiffers = true
      log.warn(`${file} does not compile: ${(error as Error).message}`)
    }
  }
  if (fileDiffers) {
    log.warn(
      `${file} differs from published version ${latest.version} of ruleset ${name}; evaluating with version ${latest.version} (publish it with: revops rules publish)`,
    )
  }
  return { version: latest, compiled: compileRulesetVersion(latest), published: false, fileDiffers }
}
