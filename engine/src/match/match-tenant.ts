// The MATCH stage for a tenant: a full run estimates the model (EM, plus reviewers' labels) and scores
// every left record; an incremental run re-scores only left records that changed or whose candidates
// changed, with the stored model; then the one-to-one assignment is redone over all stored candidates
// with reviewers' decisions applied first.
import { createHash } from 'node:crypto'
import type { Sql } from '@revops/db'
import type { VectorIndex } from '../embed/vector-search.ts'
import type { Logger } from '../shared/logger.ts'
import type { ProgressListener } from '../shared/progress.ts'
import { applyAssignment } from './apply-assignment.ts'
import { withEarlierRecords } from './blocking/earlier-records.ts'
import { generateCandidates } from './blocking/generate-candidates.ts'
import { blockOnKeys, type ProposedPair } from './blocking/key-blocking.ts'
import { blockOnNearest } from './blocking/nearest-blocking.ts'
import { blockOnTrigrams } from './blocking/trigram-index.ts'
import { blockOnVectorIndex } from './blocking/vector-index-blocking.ts'
import type { MatchingConfig } from './config/matching-config.ts'
import { prepareComparisons, runMatching } from './match-engine.ts'
import { decideModelReuse, tooLittleToEstimate } from './model-reuse.ts'
import { createPhaseTimer } from './phase-timer.ts'
import type { MatchRecord } from './record.ts'
import { withReviewedPairs } from './reviewed-pairs.ts'
import { loadRecords } from './store/load-records.ts'
import {
  finishRun,
  lastSuccessfulRun,
  latestModel,
  replaceCandidates,
  reviewLabels,
  saveModel,
  startRun,
} from './store/match-store.ts'

export interface MatchTenantOptions {
  sql: Sql
  tenantId: string
  config: MatchingConfig
  /** `auto`: incremental when a model for this configuration exists, else full. */
  mode?: 'auto' | 'full' | 'incremental'
  jobId?: string | undefined
  onProgress?: ProgressListener | undefined
  log: Logger
  /**
   * Nearest-neighbour blocking through this index (pgvector's HNSW index in the database) instead of a
   * graph built in this process; the match stage passes pgvector's when the extension is installed.
   */
  vectorIndex?: VectorIndex | undefined
}

export interface MatchTenantReport {
  /** Milliseconds per phase. */
  timings: Record<string, number>
  runId: string
  mode: 'full' | 'incremental'
  modelId: string
  leftRecords: number
  rescored: number
  candidatePairs: number
  perRule: Record<string, number>
  selected: number
  bands: Record<string, number>
  estimation: Record<string, unknown> | null
  /** What happened to the model and why: estimated, reused, or not estimated (too little data). */
  model: { action: 'estimated' | 'reused' | 'not_estimated'; reason: string }
}

export function configHash(config: MatchingConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
}

export async function matchTenant(options: MatchTenantOptions): Promise<MatchTenantReport> {
  const { sql, tenantId, config, log } = options
  const progress = options.onProgress ?? (() => {})
  const hash = configHash(config)
  const { timings, lap, restart } = createPhaseTimer()
  progress({ step: 'match: load records', done: 0, total: 2 })
  const left = await loadRecords(sql, tenantId, config.left)
  const right = await loadRecords(sql, tenantId, config.right)
  progress({ step: 'match: load records', done: 2, total: 2 })
  const stored = await latestModel(sql, tenantId)
  const previous = await lastSuccessfulRun(sql, tenantId)
  const population = { left: left.records.length, right: right.records.length }
  const decision = decideModelReuse({
    asked: options.mode ?? 'auto',
    stored,
    configHash: hash,
    hasPreviousRun: previous !== null,
    population,
  })
  const mode = decision.mode
  log.info(`match: ${mode} run (${decision.reason})`)
  const runId = await startRun(sql, tenantId, mode, options.jobId)
  try {
    const comparisons = prepareComparisons(config.comparisons, [...left.records, ...right.records])
    lap('load')
    timings['load:left_rows'] = left.timings.rows
    timings['load:left_vectors'] = left.timings.vectors
    timings['load:right_rows'] = right.timings.rows
    timings['load:right_vectors'] = right.timings.vectors

    let targets = left.records
    if (mode === 'incremental') {
      const affected = await affectedLeftIds(sql, tenantId, config, left.records, right.records, previous!)
      targets = left.records.filter((record) => affected.has(record.id))
      log.info(`match: incremental run re-scores ${targets.length} of ${left.records.length} records`)
    }

    progress({ step: 'match: candidates', done: 0, total: 1 })
    const labels = await reviewLabels(sql, tenantId, config.left.entity)
    const nearest = options.vectorIndex
      ? await nearestThroughIndex(options.vectorIndex, config, targets, right.models, tenantId)
      : undefined
    const generation = generateCandidates({
      rules: config.blocking,
      left: targets,
      right: right.records,
      nearest,
    })
    const candidates = withReviewedPairs(
      withEarlierRecords(generation.candidates, right.records),
      labels,
      new Set(targets.map((r) => r.id)),
      new Set(right.records.map((r) => r.id)),
    )
    progress({ step: 'match: candidates', done: 1, total: 1 })
    lap('candidates')
    for (const [rule, ms] of Object.entries(generation.perRuleMs)) timings[`blocking:${rule}`] = ms

    const insufficient =
      mode === 'full'
        ? tooLittleToEstimate(candidates.length, new Set(candidates.map((c) => c.left)).size)
        : undefined
    if (insufficient) {
      // Nothing is stored: no model from noise, and the links and candidates stay as they were.
      log.warn(`match: ${insufficient}`)
      await finishRun(sql, runId, {
        status: 'succeeded',
        error: insufficient,
        leftRecords: targets.length,
        candidatePairs: candidates.length,
        blocking: generation.perRule,
        leftChangedUntil: previous?.leftChangedUntil ?? null,
        rightChangedUntil: previous?.rightChangedUntil ?? null,
      })
      return {
        timings,
        runId,
        mode,
        modelId: stored?.modelId ?? '',
        leftRecords: left.records.length,
        rescored: 0,
        candidatePairs: candidates.length,
        perRule: generation.perRule,
        selected: 0,
        bands: {},
        estimation: null,
        model: { action: 'not_estimated', reason: insufficient },
      }
    }

    const result = runMatching({
      left: targets,
      right: right.records,
      comparisons: config.comparisons,
      prepared: comparisons,
      candidates,
      labels,
      oneToOne: false,
      thresholds: { autoLink: config.thresholds.auto_link, review: config.thresholds.review },
      parameters: mode === 'incremental' ? stored!.parameters : undefined,
      priorBy: config.prior_by,
      randomPairs: config.random_pairs,
    })
    Object.assign(timings, result.timings)
    restart()
    const estimation = result.estimation ? { ...result.estimation, labels: labels.size, population } : null
    const modelId =
      mode === 'incremental'
        ? stored!.modelId
        : await saveModel(sql, tenantId, {
            configHash: hash,
            parameters: result.parameters,
            estimation: estimation!,
          })
    progress({ step: 'match: save', done: 0, total: 1 })
    await replaceCandidates(sql, {
      tenantId,
      leftEntity: config.left.entity,
      rightEntity: config.right.entity,
      leftIds: targets.map((r) => r.id),
      pairs: result.pairs,
      keep: config.keep_candidates,
      modelId,
      runId,
      reviewed: labels,
    })
    lap('save')
    const assignment = await applyAssignment(sql, tenantId, config)
    timings['assign:joint'] = assignment.jointMs
    // a full run rewrote the table: fresh statistics keep single-record queries on their indexes
    if (mode === 'full') await sql`analyze match.candidates`
    lap('assign')
    progress({ step: 'match: save', done: 1, total: 1 })
    await finishRun(sql, runId, {
      status: 'succeeded',
      modelId,
      leftRecords: targets.length,
      candidatePairs: generation.candidates.length,
      blocking: generation.perRule,
      leftChangedUntil: maxTime(left.newestChange, previous?.leftChangedUntil),
      rightChangedUntil: maxTime(right.newestChange, previous?.rightChangedUntil),
    })
    return {
      timings,
      runId,
      mode,
      modelId,
      leftRecords: left.records.length,
      rescored: targets.length,
      candidatePairs: generation.candidates.length,
      perRule: generation.perRule,
      selected: assignment.selected,
      bands: assignment.bands,
      estimation,
      model: { action: mode === 'full' ? 'estimated' : 'reused', reason: decision.reason },
    }
  } catch (error) {
    await finishRun(sql, runId, { status: 'failed', error: (error as Error).message }).catch(
      (finishError: unknown) => log.warn(`match: run ${runId} not marked failed: ${String(finishError)}`),
    )
    throw error
  }
}

function maxTime(a: string | null, b: string | null | undefined): string | null {
  if (!a) return b ?? null
  if (!b) return a
  return a > b ? a : b
}

/**
 * Left records to re-score: those that changed, those holding a changed right record among their
 * stored candidates, and those that blocking (keys, embeddings) now pairs with a changed right record.
 */
async function affectedLeftIds(
  sql: Sql,
  tenantId: string,
  config: MatchingConfig,
  left: Awaited<ReturnType<typeof loadRecords>>['records'],
  right: Awaited<ReturnType<typeof loadRecords>>['records'],
  previous: { leftChangedUntil: string | null; rightChangedUntil: string | null },
): Promise<Set<string>> {
  const changedLeft = await loadRecords(sql, tenantId, config.left, {
    changedAfter: previous.leftChangedUntil,
  })
  const changedRight = await loadRecords(sql, tenantId, config.right, {
    changedAfter: previous.rightChangedUntil,
  })
  const affected = new Set(changedLeft.records.map((r) => r.id))
  if (changedRight.records.length === 0) return affected
  const changedIds = changedRight.records.map((r) => r.id)
  const holders = await sql<{ left_id: string }[]>`
    select distinct left_id from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and right_id = any(${changedIds})`
  for (const row of holders) affected.add(row.left_id)
  const changedSet = new Set(changedIds)
  const changedRecords = right.filter((r) => changedSet.has(r.id))
  for (const rule of config.blocking) {
    const pairs =
      rule.kind === 'equal' || rule.kind === 'shared'
        ? blockOnKeys({ name: rule.name, left: rule.left, right: rule.right }, left, changedRecords)
        : rule.kind === 'nearest'
          ? blockOnNearest(rule, left, changedRecords)
          : []
    for (const pair of pairs) affected.add(pair.left)
    if (rule.kind === 'trigram') {
      // The other way round: changed right records probe the left side's names.
      const reverse = blockOnTrigrams({ ...rule, left: rule.right, right: rule.left }, changedRecords, left)
      for (const pair of reverse) affected.add(pair.right)
    }
  }
  return affected
}

/** The proposals of every nearest rule, asked of the vector index (timed per rule). */
async function nearestThroughIndex(
  index: VectorIndex,
  config: MatchingConfig,
  targets: MatchRecord[],
  models: Record<string, string>,
  tenantId: string,
): Promise<Record<string, { pairs: ProposedPair[]; ms: number }>> {
  const made: Record<string, { pairs: ProposedPair[]; ms: number }> = {}
  for (const rule of config.blocking) {
    if (rule.kind !== 'nearest') continue
    const textKind = config.right.vectors[rule.right]
    const model = models[rule.right]
    // Without vectors on the right there is nothing to ask; the in-process path proposes nothing either.
    if (!textKind || !model) continue
    const started = performance.now()
    const target = { tenantId, entityKind: config.right.entity, textKind, model }
    const pairs = await blockOnVectorIndex(rule, targets, index, target)
    made[rule.name] = { pairs, ms: performance.now() - started }
  }
  return made
}
