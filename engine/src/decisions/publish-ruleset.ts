// Turns ruleset YAML (a request body, a file, the tenant's rules folder) into a version: read, resolve
// `extends`, compile, publish. `ensurePublished` is what the pipeline uses: it publishes the tenant's
// file only when nothing is published yet, and otherwise never publishes behind anyone's back.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Sql } from '@revops/db'
import { parseDocument } from 'yaml'
import type { Tenant } from '../config/load-tenant-config.ts'
import { NotFoundError } from '../errors.ts'
import type { Logger } from '../logger.ts'
import { silentLogger } from '../logger.ts'
import { type CompiledRuleset, compileRuleset } from '../rules/compile-ruleset.ts'
import { parseRulesetText, type ResolvedRuleset } from '../rules/resolve-ruleset.ts'
import { rulesetFile } from '../rules/ruleset-files.ts'
import {
  compileRulesetVersion,
  type PublishResult,
  publishResolvedRuleset,
  type RulesetVersion,
  readLatestRulesetVersion,
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
}

export interface CandidateRuleset {
  resolved: ResolvedRuleset
  compiled: CompiledRuleset
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

// The `ruleset:` a text declares, so a request body or a file anywhere names itself; when it cannot be
// read, the fallback name makes parseRulesetText report the problem with its line.
export function declaredRulesetName(text: string, fallback: string): string {
  try {
    const value = parseDocument(text).get('ruleset')
    return typeof value === 'string' && value.length > 0 ? value : fallback
  } catch {
    return fallback
  }
}

/**
 * Reads, resolves and compiles ruleset YAML. Throws ConfigError naming the file, line and problem of
 * invalid YAML, unknown facts, type errors and parameters of the wrong type.
 */
export async function readCandidateRuleset(
  text: string,
  options: ReadCandidateOptions = {},
): Promise<CandidateRuleset> {
  const fallback = options.fileName
    ? path.basename(options.fileName).replace(/\.ya?ml$/, '')
    : DEFAULT_RULESET
  const name = declaredRulesetName(text, fallback)
  const fileName = options.fileName ?? `${name}.yaml`
  const source: Record<string, string> = { [path.basename(fileName)]: text }
  const resolved = await parseRulesetText(text, {
    name,
    fileName,
    resolveFile: async (parent) => {
      const local = options.rulesDir ? rulesetFile(options.rulesDir, parent) : undefined
      const localText = local ? await readIfExists(local.path) : undefined
      if (local && localText !== undefined) {
        source[`${parent}.yaml`] = localText
        return { text: localText, fileName: local.displayName }
      }
      if (!options.published) return undefined
      const version = await readLatestRulesetVersion(
        options.published.sql,
        options.published.tenantId,
        parent,
      )
      if (!version) return undefined
      // The published parent's own file, and whatever it extended in turn.
      Object.assign(source, version.source)
      const own = version.files[0]!
      return { text: version.source[own]!, fileName: `${own} (published version ${version.version})` }
    },
  })
  return { resolved, compiled: compileRuleset(resolved), source }
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
