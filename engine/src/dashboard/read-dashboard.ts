// The dashboard of one tenant: every panel's figures, read at once.
import type { Sql } from '@revops/db'
import { type DataQualitySummary, readDataQuality } from './data-quality.ts'
import { type OutcomeCount, readDecisionOutcomes } from './decision-outcomes.ts'
import { type MatchQuality, readMatchQuality } from './match-quality.ts'
import { readOpportunityCounts, type StageCount } from './opportunity-counts.ts'
import { type OutcomeDay, readOutcomesOverTime } from './outcomes-over-time.ts'
import { readRecentSyncs, type SyncSummary } from './recent-syncs.ts'
import { readValueAtStake, type ValueAtStake } from './value-at-stake.ts'

export interface Dashboard {
  generated_at: string
  opportunities: { ace: number; odoo: number; by_source_stage: StageCount[] }
  decisions: { total: number; by_outcome: OutcomeCount[]; over_time: OutcomeDay[] }
  value_at_stake: ValueAtStake
  match_quality: MatchQuality
  data_quality: DataQualitySummary
  syncs: SyncSummary[]
}

export interface ReadDashboardOptions {
  /** Days of outcome history (default 30). */
  days?: number
  /** The matching configuration's left entity (default `ace_opportunity`). */
  leftEntity?: string
  now?: Date
}

/** Reads every dashboard panel of `tenantId`. */
export async function readDashboard(
  sql: Sql,
  tenantId: string,
  options: ReadDashboardOptions = {},
): Promise<Dashboard> {
  const now = options.now ?? new Date()
  const [stages, outcomes, overTime, value, match, quality, syncs] = await Promise.all([
    readOpportunityCounts(sql, tenantId),
    readDecisionOutcomes(sql, tenantId),
    readOutcomesOverTime(sql, tenantId, { days: options.days, until: now.toISOString().slice(0, 10) }),
    readValueAtStake(sql, tenantId),
    readMatchQuality(sql, tenantId, { leftEntity: options.leftEntity }),
    readDataQuality(sql, tenantId),
    readRecentSyncs(sql, tenantId),
  ])
  const total = (source: StageCount['source']) =>
    stages.filter((s) => s.source === source).reduce((sum, s) => sum + s.count, 0)
  return {
    generated_at: now.toISOString(),
    opportunities: { ace: total('ace'), odoo: total('odoo'), by_source_stage: stages },
    decisions: {
      total: outcomes.reduce((sum, o) => sum + o.count, 0),
      by_outcome: outcomes,
      over_time: overTime,
    },
    value_at_stake: value,
    match_quality: match,
    data_quality: quality,
    syncs,
  }
}
