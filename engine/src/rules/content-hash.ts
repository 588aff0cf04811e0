// The identity of a ruleset version: sha256 of a canonical JSON (keys sorted, no whitespace) of the
// resolved content, so the same rules hash the same however the YAML was laid out or split into files.
import { createHash } from 'node:crypto'
import type { RulesetContent } from './ruleset-schema.ts'

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`
}

/** `sha256:<hex>` of the canonical JSON of a resolved ruleset. */
export function hashRulesetContent(content: RulesetContent): string {
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`
}
