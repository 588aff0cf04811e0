// What a candidate ruleset would change before anyone publishes it: the current ruleset and the
// candidate evaluated side by side on the same facts at the same as-of date, with the counts per
// outcome and every ACE opportunity whose outcome moves. Writes nothing.
import type { Sql } from '@revops/db'
import type { Tenant } from '../config/load-tenant-config.ts'
import { diffRulesets, type RulesetDiff } from '../rules/diff-rulesets.ts'
import type { Outcome, RuleResult, RulesetEvaluation } from '../rules/evaluate-ruleset.ts'
import { evaluateInSandbox } from '../rules/ruleset-sandbox.ts'
import type { RulesetContent } from '../rules/ruleset-schema.ts'
import { type DecisionsConfig, loadDecisionsConfig } from './decisions-config.ts'
import { emptyOutcomeCounts, type OutcomeCounts } from './evaluate-decisions.ts'
import { collectFacts } from './facts/collect-facts.ts'
import { chargeTypesFrom } from './facts/spend-facts.ts'
import { DEFAULT_RULESET, readCandidateRuleset, readRulesetFileText, rulesDirOf } from './publish-ruleset.ts'
import { readLatestRulesetVersion } from './ruleset-versions.ts'

export interface SimulateRulesetOptions {
  tenant: Pick<Tenant, 'dir' | 'config'>
  /** The candidate ruleset's YAML. */
  text: string
  /** Shown in errors. */
  fileName?: string | undefined
  /** The ruleset the text must declare (the route's). */
  expectName?: string | undefined
  asOf: string
  config?: DecisionsConfig | undefined
  /** Time allowed for evaluating both sides (default 20 s). */
  budgetMs?: number | undefined
}

export interface RuleChange {
  rule_id: string
  before: RuleResult | null
  after: RuleResult | null
}

export interface OutcomeChange {
  ace_id: string
  /** The ACE customer, so a reader knows which deal it is; null when unknown. */
  customer_name: string | null
  /** The opportunity's current decision (to open it); null when it has none yet. */
  decision_id: string | null
  before: Outcome
  after: Outcome
  /** Rules whose result differs (a rule only one side has counts as changed). */
  rules: RuleChange[]
}

export interface SimulationReport {
  as_of: string
  /** What today's decisions are made with: the latest published version, else the tenant's file. */
  current: { ruleset: string; version: number | null; content_hash: string }
  candidate: { ruleset: string; content_hash: string }
  diff: RulesetDiff
  evaluated: number
  counts: { current: OutcomeCounts; candidate: OutcomeCounts }
  /** Opportunities whose rule results differ but whose outcome stays. */
  rules_changed_only: number
  /** Opportunities whose outcome changes, by ACE id. */
  changes: OutcomeChange[]
}

interface Side {
  name: string
  contentHash: string
  content: RulesetContent
}

// The ruleset today's decisions are made with. Its content is compiled where it is evaluated (the
// sandbox), not here: nothing costly runs on the event loop.
async function currentRuleset(
  sql: Sql,
  tenant: SimulateRulesetOptions['tenant'],
  name: string,
): Promise<Side & { version: number | null }> {
  const tenantId = tenant.config.tenant_id
  const latest =
    (await readLatestRulesetVersion(sql, tenantId, name)) ??
    (name === DEFAULT_RULESET ? undefined : await readLatestRulesetVersion(sql, tenantId, DEFAULT_RULESET))
  if (latest)
    return {
      name: latest.ruleset,
      contentHash: latest.content_hash,
      content: latest.content,
      version: latest.version,
    }
  // Nothing published yet: today's decisions would come from the tenant's own file.
  const { text, fileName } = await readRulesetFileText(rulesDirOf(tenant), DEFAULT_RULESET)
  const { resolved } = await readCandidateRuleset(text, { fileName, rulesDir: rulesDirOf(tenant) })
  return { name: resolved.name, contentHash: resolved.contentHash, content: resolved.content, version: null }
}

function ruleChanges(before: RulesetEvaluation, after: RulesetEvaluation): RuleChange[] {
  const results = new Map<string, RuleChange>()
  for (const rule of before.rules)
    results.set(rule.rule_id, { rule_id: rule.rule_id, before: rule.result, after: null })
  for (const rule of after.rules) {
    const entry = results.get(rule.rule_id) ?? { rule_id: rule.rule_id, before: null, after: null }
    results.set(rule.rule_id, { ...entry, after: rule.result })
  }
  return [...results.values()].filter((change) => change.before !== change.after)
}

// The customer and current decision of each opportunity whose outcome moves: a list of ACE ids alone
// tells a reader little, and the decision is what they open next.
async function readChangeContext(
  sql: Sql,
  tenantId: string,
  aceIds: string[],
): Promise<Map<string, { customer_name: string | null; decision_id: string | null }>> {
  if (aceIds.length === 0) return new Map()
  const rows = await sql<{ ace_id: string; customer_name: string | null; decision_id: string | null }[]>`
    select a.ace_id, a.customer_name, d.decision_id::text as decision_id
    from core.ace_opportunities a
    left join ops.current_decisions d on d.tenant_id = a.tenant_id and d.ace_id = a.ace_id
    where a.tenant_id = ${tenantId} and a.ace_id = any(${aceIds})`
  return new Map(rows.map((row) => [row.ace_id, row]))
}

/**
 * Evaluates the current ruleset and a candidate on today's facts (at `asOf`) without writing anything.
 * Throws ConfigError naming the line when the candidate does not load or compile.
 */
export async function simulateRuleset(sql: Sql, options: SimulateRulesetOptions): Promise<SimulationReport> {
  const tenantId = options.tenant.config.tenant_id
  const { resolved } = await readCandidateRuleset(options.text, {
    fileName: options.fileName,
    rulesDir: rulesDirOf(options.tenant),
    published: { sql, tenantId },
    expectName: options.expectName,
  })
  const candidate: Side = {
    name: resolved.name,
    contentHash: resolved.contentHash,
    content: resolved.content,
  }
  const current = await currentRuleset(sql, options.tenant, candidate.name)
  const config = options.config ?? (await loadDecisionsConfig(options.tenant.dir))
  // Each side's facts use its own parameters; the collector reads only the charge types from them, so
  // collect twice only when those differ.
  const charges = (side: Side) => JSON.stringify(chargeTypesFrom(side.content.parameters))
  const sameCharges = charges(current) === charges(candidate)
  const collect = (side: Side) =>
    collectFacts(sql, { tenantId, asOf: options.asOf, parameters: side.content.parameters, config })
  const currentFacts = await collect(current)
  const candidateFacts = sameCharges ? currentFacts : await collect(candidate)
  const counts = { current: emptyOutcomeCounts(), candidate: emptyOutcomeCounts() }
  const changes: Omit<OutcomeChange, 'customer_name' | 'decision_id'>[] = []
  let rulesChangedOnly = 0
  // Off the event loop and within a budget: the candidate is anyone's edit, run before it is published.
  const budgetMs = options.budgetMs ?? 20_000
  const [beforeAll, afterAll] = await Promise.all([
    evaluateInSandbox(
      current.content,
      currentFacts.map((entry) => entry.facts),
      { budgetMs },
    ),
    evaluateInSandbox(
      candidate.content,
      candidateFacts.map((entry) => entry.facts),
      { budgetMs },
    ),
  ])
  currentFacts.forEach((entry, index) => {
    const before = beforeAll[index]!
    const after = afterAll[index]!
    counts.current[before.outcome]++
    counts.candidate[after.outcome]++
    const rules = ruleChanges(before, after)
    if (before.outcome !== after.outcome)
      changes.push({ ace_id: entry.aceId, before: before.outcome, after: after.outcome, rules })
    else if (rules.length > 0) rulesChangedOnly++
  })
  const context = await readChangeContext(
    sql,
    tenantId,
    changes.map((change) => change.ace_id),
  )
  return {
    as_of: options.asOf,
    current: { ruleset: current.name, version: current.version, content_hash: current.contentHash },
    candidate: { ruleset: candidate.name, content_hash: candidate.contentHash },
    diff: diffRulesets(current.content, candidate.content),
    evaluated: currentFacts.length,
    counts,
    rules_changed_only: rulesChangedOnly,
    changes: changes.map(({ ace_id, before, after, rules }) => ({
      ace_id,
      customer_name: context.get(ace_id)?.customer_name ?? null,
      decision_id: context.get(ace_id)?.decision_id ?? null,
      before,
      after,
      rules,
    })),
  }
}
