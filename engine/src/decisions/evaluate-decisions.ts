// Decides POD eligibility of a tenant's ACE opportunities at an as-of date with a published ruleset
// version: collects every fact set in a few queries, evaluates each, and appends a decision only where
// something changed since the current one. One audit event per run carries the counts.
import { randomUUID } from 'node:crypto'
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../audit/audit-events.ts'
import type { Tenant } from '../config/load-tenant-config.ts'
import type { Outcome } from '../rules/evaluate-ruleset.ts'
import { assertRulesetName } from '../rules/ruleset-files.ts'
import { evaluateInSandbox } from '../rules/ruleset-sandbox.ts'
import { NotFoundError } from '../shared/errors.ts'
import type { Logger } from '../shared/logger.ts'
import { silentLogger } from '../shared/logger.ts'
import { ignoreProgress, type ProgressListener } from '../shared/progress.ts'
import {
  fingerprintDecision,
  insertDecisions,
  lockTenantDecisions,
  type NewDecision,
  readCurrentFingerprints,
} from './decision-store.ts'
import { type DecisionsConfig, loadDecisionsConfig } from './decisions-config.ts'
import { collectFacts } from './facts/collect-facts.ts'
import { DEFAULT_RULESET } from './publish-ruleset.ts'
import { type RulesetVersion, readLatestRulesetVersion, readRulesetVersion } from './ruleset-versions.ts'

export interface EvaluateDecisionsOptions {
  tenant: Pick<Tenant, 'dir' | 'config'>
  /** The as-of date D (YYYY-MM-DD). */
  asOf: string
  /** `pod` unless told. */
  ruleset?: string | undefined
  /** A published version number (reproduces its decisions); the latest when absent. */
  version?: number | undefined
  /** Only these ACE opportunities (all of the tenant's when absent). */
  aceIds?: readonly string[] | undefined
  /** Who asked (recorded on each decision and the audit event); `system` unless told. */
  actor?: string | undefined
  jobId?: string | undefined
  /** The tenant's decisions.yaml, when the caller has read it already. */
  config?: DecisionsConfig | undefined
  onProgress?: ProgressListener | undefined
  log?: Logger | undefined
}

export type OutcomeCounts = Record<Outcome, number>

export interface EvaluateDecisionsReport {
  run_id: string
  ruleset: string
  version: number
  content_hash: string
  as_of: string
  /** ACE opportunities evaluated. */
  evaluated: number
  /** New decisions appended (their current decision changed). */
  appended: number
  /** Evaluated with the same result as their current decision: nothing written. */
  unchanged: number
  /** Outcomes of the evaluated opportunities. */
  outcomes: OutcomeCounts
  duration_ms: number
}

/** Zero per outcome. */
export function emptyOutcomeCounts(): OutcomeCounts {
  return { auto_approve: 0, needs_review: 0, auto_reject: 0 }
}

export interface ResolvedVersion {
  version: RulesetVersion
}

/**
 * The published version to evaluate with: the given one, or the latest. Evaluating never publishes: a
 * ruleset with no published version is a NotFoundError (publishing is `PUT /rules/{ruleset}/config`,
 * `revops rules publish`, or the pipeline's first run from the tenant's own configuration).
 */
export async function resolveEvaluationVersion(
  sql: Sql,
  options: Pick<EvaluateDecisionsOptions, 'tenant' | 'ruleset' | 'version'>,
): Promise<ResolvedVersion> {
  const ruleset = assertRulesetName(options.ruleset ?? DEFAULT_RULESET)
  const tenantId = options.tenant.config.tenant_id
  const version =
    options.version === undefined
      ? await readLatestRulesetVersion(sql, tenantId, ruleset)
      : await readRulesetVersion(sql, tenantId, ruleset, options.version)
  if (!version) throw new NotFoundError(`ruleset ${ruleset} has no published version`, { ruleset })
  // Compiled where it is evaluated (the ruleset sandbox), not here: nothing costly on the event loop.
  return { version }
}

/**
 * Evaluates every ACE opportunity of the tenant (or the given ones) at `asOf` and appends a decision for
 * each whose outcome, rule results, version or facts differ from its current decision; the newest
 * decision becomes the current one. Records `decisions.evaluated` with the counts.
 */
export async function evaluateDecisions(
  sql: Sql,
  options: EvaluateDecisionsOptions,
): Promise<EvaluateDecisionsReport> {
  const started = performance.now()
  const log = options.log ?? silentLogger
  const onProgress = options.onProgress ?? ignoreProgress
  const tenantId = options.tenant.config.tenant_id
  const actor = options.actor ?? 'system'
  const resolved = await resolveEvaluationVersion(sql, options)
  const { version } = resolved
  const config = options.config ?? (await loadDecisionsConfig(options.tenant.dir))
  const collected = await collectFacts(sql, {
    tenantId,
    asOf: options.asOf,
    parameters: version.content.parameters,
    config,
    aceIds: options.aceIds,
  })
  const outcomes = emptyOutcomeCounts()
  const decisions: NewDecision[] = []
  // Off the event loop and within a budget: a published ruleset is still people's configuration.
  const evaluations = await evaluateInSandbox(
    version.content,
    collected.map((entry) => entry.facts),
    {
      expectedHash: version.content_hash,
      onProgress: (done, total) => onProgress({ step: 'decide', done, total }),
    },
  )
  for (const [index, { aceId, facts, matchCandidateId }] of collected.entries()) {
    const evaluation = evaluations[index]!
    outcomes[evaluation.outcome]++
    const decision = {
      aceId,
      ruleset: version.ruleset,
      version: version.version,
      contentHash: version.content_hash,
      asOf: options.asOf,
      outcome: evaluation.outcome,
      rules: evaluation.rules,
      facts,
      matchCandidateId,
    }
    decisions.push({ ...decision, fingerprint: fingerprintDecision(decision) })
  }
  const runId = randomUUID()
  const appended = await sql.begin(async (tx) => {
    await lockTenantDecisions(tx, tenantId)
    const current = await readCurrentFingerprints(tx, tenantId, options.aceIds)
    const changed = decisions.filter((d) => current.get(d.aceId)?.fingerprint !== d.fingerprint)
    await insertDecisions(tx, tenantId, changed, { runId, jobId: options.jobId ?? null, actor })
    await recordAuditEvent(tx, {
      tenantId,
      actor,
      action: 'decisions.evaluated',
      subjectType: 'ruleset',
      subjectId: version.ruleset,
      details: {
        run_id: runId,
        job_id: options.jobId ?? null,
        version: version.version,
        content_hash: version.content_hash,
        as_of: options.asOf,
        evaluated: decisions.length,
        appended: changed.length,
        outcomes,
        ...(options.aceIds ? { ace_ids: options.aceIds } : {}),
      },
    })
    return changed.length
  })
  const report: EvaluateDecisionsReport = {
    run_id: runId,
    ruleset: version.ruleset,
    version: version.version,
    content_hash: version.content_hash,
    as_of: options.asOf,
    evaluated: decisions.length,
    appended,
    unchanged: decisions.length - appended,
    outcomes,
    duration_ms: Math.round(performance.now() - started),
  }
  log.info(
    `decided ${report.evaluated} ACE opportunities with ${version.ruleset} version ${version.version}: ${report.appended} new decisions`,
    { ...outcomes },
  )
  return report
}
