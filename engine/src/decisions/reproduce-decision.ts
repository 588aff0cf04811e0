// Replays a stored decision: its recorded facts through the ruleset version it names, which must give
// the same outcome and rule results. This is what "reproducible for any published version" means.
import type { Sql } from '@revops/db'
import { canonicalJson } from '../rules/content-hash.ts'
import { evaluateRuleset, type Outcome } from '../rules/evaluate-ruleset.ts'
import { readDecision } from './read-decisions.ts'
import { compileRulesetVersion, readRulesetVersion } from './ruleset-versions.ts'

export interface ReproducedDecision {
  decision_id: string
  ruleset: string
  ruleset_version: number
  stored: Outcome
  replayed: Outcome
  /** Outcome, every rule's result and explanation are the same as recorded. */
  identical: boolean
  /** Rules whose result or explanation differs. */
  differences: { rule_id: string; stored: string | null; replayed: string | null }[]
}

/** Evaluates a decision's recorded facts again with its recorded version and compares. */
export async function reproduceDecision(
  sql: Sql,
  tenantId: string,
  decisionId: string,
): Promise<ReproducedDecision> {
  const decision = await readDecision(sql, tenantId, decisionId)
  const version = await readRulesetVersion(sql, tenantId, decision.ruleset, decision.ruleset_version)
  const replay = evaluateRuleset(compileRulesetVersion(version), decision.facts)
  const key = (rule: { result: string; explanation: string }) => `${rule.result}: ${rule.explanation}`
  const stored = new Map(decision.rules.map((rule) => [rule.rule_id, key(rule)]))
  const replayed = new Map(replay.rules.map((rule) => [rule.rule_id, key(rule)]))
  const differences = [...new Set([...stored.keys(), ...replayed.keys()])]
    .filter((id) => stored.get(id) !== replayed.get(id))
    .map((id) => ({ rule_id: id, stored: stored.get(id) ?? null, replayed: replayed.get(id) ?? null }))
  return {
    decision_id: decision.decision_id,
    ruleset: decision.ruleset,
    ruleset_version: decision.ruleset_version,
    stored: decision.outcome,
    replayed: replay.outcome,
    identical:
      differences.length === 0 &&
      replay.outcome === decision.outcome &&
      canonicalJson(replay.rules) === canonicalJson(decision.rules),
    differences,
  }
}
