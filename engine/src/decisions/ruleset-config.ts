// What a tenant's ruleset looks like to the people who edit it: the latest published version (or a given
// one) with its YAML and resolved rules; before anything is published, the tenant's own file as it
// would be published. Also the difference between two published versions.
import type { Sql } from '@revops/db'
import type { Tenant } from '../config/load-tenant-config.ts'
import { diffRulesets, type RulesetDiff } from '../rules/diff-rulesets.ts'
import type { RulesetContent } from '../rules/ruleset-schema.ts'
import { readCandidateRuleset, readRulesetFileText, rulesDirOf } from './publish-ruleset.ts'
import { readLatestRulesetVersion, readRulesetVersion } from './ruleset-versions.ts'

export interface RulesetConfig {
  ruleset: string
  /** Null when nothing is published yet and this is the tenant's file. */
  version: number | null
  content_hash: string
  author: string | null
  published_at: string | null
  /** This ruleset's own YAML (what an editor starts from). */
  yaml: string
  /** The YAML of every file it was resolved from, by file name (its own first). */
  source: Record<string, string>
  /** The resolved ruleset: extends and overrides applied. */
  content: RulesetContent
}

/** The published version `version` (latest unless told) of a ruleset, or the tenant's unpublished file. */
export async function readRulesetConfig(
  sql: Sql,
  tenant: Pick<Tenant, 'dir' | 'config'>,
  ruleset: string,
  version?: number,
): Promise<RulesetConfig> {
  const tenantId = tenant.config.tenant_id
  const published =
    version === undefined
      ? await readLatestRulesetVersion(sql, tenantId, ruleset)
      : await readRulesetVersion(sql, tenantId, ruleset, version)
  if (published) {
    const own = published.files[0]!
    return {
      ruleset,
      version: published.version,
      content_hash: published.content_hash,
      author: published.author,
      published_at: published.published_at,
      yaml: published.source[own] ?? '',
      source: Object.fromEntries(published.files.map((file) => [file, published.source[file] ?? ''])),
      content: published.content,
    }
  }
  const rulesDir = rulesDirOf(tenant)
  const { text, fileName } = await readRulesetFileText(rulesDir, ruleset)
  const candidate = await readCandidateRuleset(text, { fileName, rulesDir })
  return {
    ruleset,
    version: null,
    content_hash: candidate.resolved.contentHash,
    author: null,
    published_at: null,
    yaml: text,
    source: candidate.source,
    content: candidate.resolved.content,
  }
}

/** What changed from published version `from` to version `to` of a ruleset. */
export async function diffRulesetVersions(
  sql: Sql,
  tenantId: string,
  ruleset: string,
  from: number,
  to: number,
): Promise<RulesetDiff> {
  const [before, after] = await Promise.all([
    readRulesetVersion(sql, tenantId, ruleset, from),
    readRulesetVersion(sql, tenantId, ruleset, to),
  ])
  return diffRulesets(before.content, after.content)
}
