// `revops eval`: the stored matches of a tenant against a ground truth (the demo's, which the pipeline
// never reads): link precision/recall/F1 at the bands, a precision/recall curve, calibration of the
// pair probabilities, and blocking recall (candidate generation is re-run to see every proposal).
import type { Sql } from '@revops/db'
import { generateCandidates, loadRecords, type MatchingConfig } from '@revops/engine/match'
import type { BinaryMetrics } from '../deepmatcher/evaluate-deepmatcher.ts'
import {
  blockingRecall,
  type CalibrationBin,
  type CurvePoint,
  calibration,
  linkMetrics,
  precisionRecallCurve,
  type Truth,
} from './metrics.ts'

export interface TenantEvaluation {
  leftRecords: number
  withCounterpart: number
  atReview: BinaryMetrics
  atAutoLink: BinaryMetrics
  autoLinkPrecision: number
  curve: CurvePoint[]
  calibration: { bins: CalibrationBin[]; expectedCalibrationError: number; brier: number }
  blocking: { found: number; total: number; recall: number; perRule: Record<string, number> }
}

export async function evaluateTenant(
  sql: Sql,
  tenantId: string,
  config: MatchingConfig,
  truth: Truth,
): Promise<TenantEvaluation> {
  const selected = await sql<{ left_id: string; right_id: string; probability: number; band: string }[]>`
    select left_id, right_id, probability, band from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and selected`
  const links = selected.map((row) => ({
    left: row.left_id,
    right: row.right_id,
    probability: row.probability,
  }))
  const pairs = await sql<{ left_id: string; right_id: string; probability: number }[]>`
    select left_id, right_id, probability from match.candidates where tenant_id = ${tenantId} and left_entity = ${config.left.entity}`
  // auto_link is the stored band: a contested link above the threshold is held for review
  const autoLinks = selected
    .filter((row) => row.band === 'auto_link')
    .map((row) => ({ left: row.left_id, right: row.right_id, probability: row.probability }))
  const atAutoLink = linkMetrics(autoLinks, truth, config.thresholds.auto_link)
  const left = await loadRecords(sql, tenantId, config.left)
  const right = await loadRecords(sql, tenantId, config.right)
  const generation = generateCandidates({ rules: config.blocking, left: left.records, right: right.records })
  return {
    leftRecords: left.records.length,
    withCounterpart: [...truth.values()].filter((v) => v !== null).length,
    atReview: linkMetrics(links, truth, config.thresholds.review),
    atAutoLink,
    autoLinkPrecision: atAutoLink.precision,
    curve: precisionRecallCurve(links, truth, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99]),
    calibration: calibration(
      pairs.map((p) => ({ probability: p.probability, isMatch: truth.get(p.left_id) === p.right_id })),
    ),
    blocking: { ...blockingRecall(generation.candidates, truth), perRule: generation.perRule },
  }
}
