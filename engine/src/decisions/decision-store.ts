// Writes decisions (ops.decisions, append-only) and reads back what the next evaluation compares with:
// each ACE opportunity's current decision and its fingerprint.
import { createHash } from 'node:crypto'
import type { Sql, TransactionSql } from '@revops/db'
import { canonicalJson } from '../rules/content-hash.ts'
import type { Outcome, RuleTrace } from '../rules/evaluate-ruleset.ts'
import type { FactSet } from '../rules/fact-catalog.ts'

type Db = Sql | TransactionSql

/** A decision about to be appended. */
export interface NewDecision {
  aceId: string
  ruleset: string
  version: number
  contentHash: string
  asOf: string
  outcome: Outcome
  rules: RuleTrace[]
  facts: FactSet
  fingerprint: string
  matchCandidateId: string | null
}

/**
 * What makes a decision different from the previous one: the version, the outcome, every rule's result
 * and the facts — except the as-of date and the days until close, which move every day by themselves
 * (a daily run would otherwise append an identical decision for every opportunity each day).
 */
export function fingerprintDecision(
  decision: Pick<NewDecision, 'ruleset' | 'version' | 'contentHash' | 'outcome' | 'rules' | 'facts'>,
): string {
  const { evaluation: _date, ...facts } = decision.facts
  const opportunity = { ...facts.opportunity, days_until_close: null }
  const material = {
    ruleset: decision.ruleset,
    version: decision.version,
    content_hash: decision.contentHash,
    outcome: decision.outcome,
    results: decision.rules.map((rule) => [rule.rule_id, rule.result]),
    facts: { ...facts, opportunity },
  }
  return `sha256:${createHash('sha256').update(canonicalJson(material)).digest('hex')}`
}

/**
 * Holds all of one tenant's decisions for the rest of an evaluation's transaction: no review runs
 * meanwhile, so a review never approves a decision that an evaluation is superseding at the same moment.
 */
export async function lockTenantDecisions(tx: TransactionSql, tenantId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${`decisions:${tenantId}`}, 0))`
}

/**
 * Holds one decision for the rest of a review's transaction: it waits for an evaluation in progress
 * (sharing the tenant's lock with other reviews, which lockTenantDecisions excludes) and for another
 * review of the same decision, not for reviews of other decisions (reviewers work side by side).
 */
export async function lockDecisionForReview(
  tx: TransactionSql,
  tenantId: string,
  decisionId: string,
): Promise<void> {
  await tx`select pg_advisory_xact_lock_shared(hashtextextended(${`decisions:${tenantId}`}, 0))`
  await tx`select pg_advisory_xact_lock(hashtextextended(${`decision-review:${tenantId}:${decisionId}`}, 0))`
}

/** The current decision id and fingerprint of each ACE opportunity (of the given ones, or all). */
export async function readCurrentFingerprints(
  sql: Db,
  tenantId: string,
  aceIds?: readonly string[],
): Promise<Map<string, { decisionId: string; fingerprint: string }>> {
  const rows = await sql<{ ace_id: string; decision_id: string; fingerprint: string }[]>`
    select ace_id, decision_id::text, fingerprint from ops.current_decisions
    where tenant_id = ${tenantId} ${aceIds ? sql`and ace_id = any(${aceIds as string[]})` : sql``}`
  return new Map(
    rows.map((row) => [row.ace_id, { decisionId: row.decision_id, fingerprint: row.fingerprint }]),
  )
}

/** Appends decisions in multi-row inserts; returns how many were written. */
export async function insertDecisions(
  tx: Db,
  tenantId: string,
  decisions: readonly NewDecision[],
  run: { runId: string; jobId: string | null; actor: string },
): Promise<number> {
  const batch = 500
  for (let start = 0; start < decisions.length; start += batch) {
    const rows = decisions.slice(start, start + batch).map((d) => ({
      tenant_id: tenantId,
      ace_id: d.aceId,
      ruleset: d.ruleset,
      ruleset_version: d.version,
      content_hash: d.contentHash,
      as_of: d.asOf,
      outcome: d.outcome,
      rules: tx.json(d.rules as never),
      facts: tx.json(d.facts as never),
      fingerprint: d.fingerprint,
      match_candidate_id: d.matchCandidateId,
      run_id: run.runId,
      job_id: run.jobId,
      actor: run.actor,
    }))
    await tx`insert into ops.decisions ${tx(rows)}`
  }
  return decisions.length
}
