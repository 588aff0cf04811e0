// Published ruleset versions (ops.ruleset_versions): immutable, numbered per ruleset, identified by the
// hash of their resolved content. Publishing stores a new version only when the content differs from
// the latest; every decision names the version it used, so any of them can be evaluated again.
import type { Sql, TransactionSql } from '@revops/db'
import { recordAuditEvent } from '../audit/audit-events.ts'
import { type CompiledRuleset, compileRuleset } from '../rules/compile-ruleset.ts'
import type { ResolvedRuleset } from '../rules/resolve-ruleset.ts'
import { rulesetFromContent } from '../rules/resolve-ruleset.ts'
import type { RulesetContent } from '../rules/ruleset-schema.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'

export interface RulesetVersionSummary {
  ruleset: string
  version: number
  content_hash: string
  author: string
  published_at: string
  /** Rule ids, in evaluation order. */
  rules: string[]
  /** The files it was resolved from (this ruleset's first). */
  files: string[]
}

export interface RulesetVersion extends RulesetVersionSummary {
  content: RulesetContent
  /** The YAML text of each file used, by file name. */
  source: Record<string, string>
}

interface VersionRow {
  ruleset: string
  version: number
  content_hash: string
  author: string
  published_at: Date
  content: RulesetContent
  source: Record<string, string>
}

// jsonb orders keys its own way: list this ruleset's own file first, then the ones it extends.
function filesOf(row: VersionRow): string[] {
  const own = (file: string) => file.replace(/\.ya?ml$/, '') === row.ruleset
  const files = Object.keys(row.source)
  return [...files.filter(own), ...files.filter((file) => !own(file)).sort()]
}

function toVersion(row: VersionRow): RulesetVersion {
  return {
    ruleset: row.ruleset,
    version: row.version,
    content_hash: row.content_hash,
    author: row.author,
    published_at: row.published_at.toISOString(),
    rules: row.content.rules.map((rule) => rule.id),
    files: filesOf(row),
    content: row.content,
    source: row.source,
  }
}

/** The newest published version of a ruleset; undefined when none is published. */
export async function readLatestRulesetVersion(
  sql: Sql,
  tenantId: string,
  ruleset: string,
): Promise<RulesetVersion | undefined> {
  const [row] = await sql<VersionRow[]>`
    select ruleset, version, content_hash, author, published_at, content, source from ops.ruleset_versions
    where tenant_id = ${tenantId} and ruleset = ${ruleset} order by version desc limit 1`
  return row ? toVersion(row) : undefined
}

/** The newest published version of every ruleset of a tenant. */
export async function readLatestRulesetVersions(sql: Sql, tenantId: string): Promise<RulesetVersion[]> {
  const rows = await sql<VersionRow[]>`
    select distinct on (ruleset) ruleset, version, content_hash, author, published_at, content, source
    from ops.ruleset_versions where tenant_id = ${tenantId} order by ruleset, version desc`
  return rows.map(toVersion)
}

/** One published version; NotFoundError when there is no such version. */
export async function readRulesetVersion(
  sql: Sql | TransactionSql,
  tenantId: string,
  ruleset: string,
  version: number,
): Promise<RulesetVersion> {
  const [row] = Number.isSafeInteger(version)
    ? await sql<VersionRow[]>`
        select ruleset, version, content_hash, author, published_at, content, source from ops.ruleset_versions
        where tenant_id = ${tenantId} and ruleset = ${ruleset} and version = ${version}`
    : []
  if (!row) throw new NotFoundError(`no version ${version} of ruleset ${ruleset}`)
  return toVersion(row)
}

/** Every published version (of one ruleset, or all), newest first, without content. */
export async function listRulesetVersions(
  sql: Sql,
  tenantId: string,
  ruleset?: string,
): Promise<RulesetVersionSummary[]> {
  const rows = await sql<VersionRow[]>`
    select ruleset, version, content_hash, author, published_at, content, source from ops.ruleset_versions
    where tenant_id = ${tenantId} ${ruleset ? sql`and ruleset = ${ruleset}` : sql``}
    order by ruleset, version desc`
  return rows.map((row) => {
    const { content: _content, source: _source, ...summary } = toVersion(row)
    return summary
  })
}

/** Compiles a stored version, checking its content still hashes to the hash it was published under. */
export function compileRulesetVersion(version: RulesetVersion): CompiledRuleset {
  const resolved = rulesetFromContent(version.content)
  if (resolved.contentHash !== version.content_hash) {
    throw new Error(
      `ruleset ${version.ruleset} version ${version.version} does not hash to ${version.content_hash} (got ${resolved.contentHash})`,
    )
  }
  return compileRuleset(resolved)
}

export interface PublishInput {
  tenantId: string
  /** The principal's name (the database stamps a key's session with the key itself). */
  author: string
  authorKeyId?: string | null | undefined
  /** A name the person gave, kept beside the principal. */
  authorDisplayName?: string | null | undefined
  /** Resolved and compiled (see publishResolvedRuleset). */
  resolved: ResolvedRuleset
  /** The YAML text of each file it was resolved from, by file name. */
  source: Record<string, string>
}

export interface PublishResult {
  version: RulesetVersion
  /** False when the content was already the latest version (nothing stored). */
  created: boolean
}

/**
 * Stores a resolved ruleset as the next version. It must have compiled (readCandidateRuleset compiles it
 * in the ruleset sandbox; a ruleset that does not compile throws ConfigError there and is never stored).
 * Content equal to the latest version returns that version with `created: false`; content equal to an
 * older version is a ConflictError (version numbers never go back; evaluate with that version instead).
 * Records `ruleset.published` in the audit log.
 */
export async function publishResolvedRuleset(sql: Sql, input: PublishInput): Promise<PublishResult> {
  const { tenantId, resolved } = input
  const author = input.author.trim()
  if (!author) throw new ValidationError('a ruleset version needs an author', { field: 'author' })
  return sql.begin(async (tx) => {
    // One publisher per ruleset at a time, so version numbers never collide.
    await tx`select pg_advisory_xact_lock(hashtextextended(${`ruleset:${tenantId}:${resolved.name}`}, 0))`
    const [latest] = await tx<{ version: number; content_hash: string }[]>`
      select version, content_hash from ops.ruleset_versions
      where tenant_id = ${tenantId} and ruleset = ${resolved.name} order by version desc limit 1`
    if (latest?.content_hash === resolved.contentHash) {
      return {
        version: await readRulesetVersion(tx, tenantId, resolved.name, latest.version),
        created: false,
      }
    }
    const [older] = await tx<{ version: number }[]>`
      select version from ops.ruleset_versions
      where tenant_id = ${tenantId} and ruleset = ${resolved.name} and content_hash = ${resolved.contentHash}`
    if (older) {
      throw new ConflictError(
        `ruleset ${resolved.name}: this content is already version ${older.version}; evaluate with that version, or change the ruleset`,
        { ruleset: resolved.name, version: older.version },
      )
    }
    const version = (latest?.version ?? 0) + 1
    const [row] = await tx<VersionRow[]>`
      insert into ops.ruleset_versions (tenant_id, ruleset, version, content, content_hash, source, author,
                                        author_key_id, author_display_name)
      values (${tenantId}, ${resolved.name}, ${version}, ${tx.json(resolved.content as never)}, ${resolved.contentHash},
              ${tx.json(input.source)}, ${author}, ${input.authorKeyId ?? null}, ${input.authorDisplayName ?? null})
      returning ruleset, version, content_hash, author, published_at, content, source`
    await recordAuditEvent(tx, {
      tenantId,
      actor: author,
      actorKeyId: input.authorKeyId,
      actorDisplayName: input.authorDisplayName,
      action: 'ruleset.published',
      subjectType: 'ruleset',
      subjectId: resolved.name,
      details: { version, content_hash: resolved.contentHash, files: Object.keys(input.source) },
    })
    return { version: toVersion(row!), created: true }
  })
}
