// Assembles the fact set of every ACE opportunity from the providers, in a handful of queries for the
// whole tenant (the decisions stage) or for a few given opportunities (the API).
import type { Sql } from '@revops/db'
import type { FactSet } from '../../rules/fact-catalog.ts'
import { NotFoundError } from '../../shared/errors.ts'
import type { DecisionsConfig } from '../decisions-config.ts'
import { loadEndUserFacts } from './end-user-facts.ts'
import { evaluationFacts } from './evaluation-facts.ts'
import { loadMatchFacts } from './match-facts.ts'
import { loadOpportunityFacts } from './opportunity-facts.ts'
import { loadPipelineFacts } from './pipeline-facts.ts'
import { chargeTypesFrom, loadSpendFacts } from './spend-facts.ts'

export interface CollectFactsOptions {
  tenantId: string
  /** The as-of date D (YYYY-MM-DD). */
  asOf: string
  /** The ruleset's parameters (the spend provider reads `spend_charge_types`). */
  parameters: Readonly<Record<string, unknown>>
  config: DecisionsConfig
  /** Only these ACE opportunities (all of the tenant's when absent). */
  aceIds?: readonly string[] | undefined
}

/** The facts of one ACE opportunity and where its match facts came from. */
export interface CollectedFacts {
  aceId: string
  facts: FactSet
  /** The match.candidates row behind `facts.match`; null when there is no candidate. */
  matchCandidateId: string | null
}

/** Fact sets of every ACE opportunity of the tenant (or the given ones), ordered by ACE id. */
export async function collectFacts(sql: Sql, options: CollectFactsOptions): Promise<CollectedFacts[]> {
  const evaluation = evaluationFacts(options.asOf)
  const { tenantId, asOf, aceIds } = options
  const opportunities = await loadOpportunityFacts(sql, { tenantId, asOf, aceIds })
  const list = [...opportunities.values()]
  const [matches, spend, endUser, pipeline] = await Promise.all([
    loadMatchFacts(sql, { tenantId, config: options.config.match, aceIds }),
    loadSpendFacts(sql, { tenantId, asOf, chargeTypes: chargeTypesFrom(options.parameters) }, list),
    loadEndUserFacts(sql, { tenantId, source: options.config.end_user }, list),
    loadPipelineFacts(sql, { tenantId }, list),
  ])
  return list.map((opportunity) => {
    const match = matches.get(opportunity.id)
    return {
      aceId: opportunity.id,
      facts: {
        evaluation: { ...evaluation },
        opportunity,
        match: match?.facts ?? null,
        spend: spend.get(opportunity.id) ?? null,
        end_user: endUser.get(opportunity.id) ?? null,
        pipeline: pipeline.get(opportunity.id)!,
      },
      matchCandidateId: match?.candidateId ?? null,
    }
  })
}

/** The fact set of one ACE opportunity; NotFoundError when the tenant has no such opportunity. */
export async function collectOpportunityFacts(
  sql: Sql,
  options: Omit<CollectFactsOptions, 'aceIds'>,
  aceId: string,
): Promise<CollectedFacts> {
  const [collected] = await collectFacts(sql, { ...options, aceIds: [aceId] })
  if (!collected) throw new NotFoundError(`no ACE opportunity ${aceId}`)
  return collected
}
