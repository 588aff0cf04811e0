// Matching one left record on demand (the API's "match this ACE opportunity now"). A session keeps the
// population in memory — the right records with their blocking indexes and the comparisons prepared
// with statistics over every record — and reloads it when it is older than `maxAgeMs`, so a request
// costs reading one record, the comparisons of a few dozen pairs and one write.
import type { Sql } from '@revops/db'
import { coerceError, NotFoundError } from '../shared/errors.ts'
import { retryOnConflict } from '../shared/retry-on-conflict.ts'
import { applyAssignment } from './apply-assignment.ts'
import { DUPLICATE_OF_FIELD, withEarlierRecords } from './blocking/earlier-records.ts'
import { blockOnKeyIndex, type KeyIndex, keyIndexOf, type ProposedPair } from './blocking/key-blocking.ts'
import { blockOnNearest, createNearestIndex, type NearestIndex } from './blocking/nearest-blocking.ts'
import { blockOnTrigrams, type TrigramIndex, trigramIndexOf } from './blocking/trigram-index.ts'
import type { MatchingConfig } from './config/matching-config.ts'
import { type CandidatePair, pairKey, prepareComparisons, runMatching } from './match-engine.ts'
import type { Comparison } from './model/comparison.ts'
import type { MatchRecord } from './record.ts'
import { withReviewedPairs } from './reviewed-pairs.ts'
import { settleJointLinks } from './store/joint-links.ts'
import { loadRecords } from './store/load-records.ts'
import {
  finishRun,
  latestModel,
  replaceCandidates,
  reviewLabels,
  type StoredModel,
  startRun,
} from './store/match-store.ts'
import { type MatchView, readMatches } from './store/read-matches.ts'
import { settleContests } from './store/settle-contests.ts'

export interface MatchingSession {
  /** Matches one left record now; `sql` is the caller's client (it must see the session's tenant). */
  matchOne(sql: Sql, leftId: string): Promise<MatchView[]>
}

interface Population {
  loadedAt: number
  model: StoredModel
  right: MatchRecord[]
  rightIds: Set<string>
  /** Right records that re-enter an earlier one (`right.duplicate_of`), for the joint step. */
  earlierOf: Map<string, string>
  comparisons: Comparison<MatchRecord>[]
  /** Key, nearest-neighbour and trigram indexes per blocking rule, built once per population. */
  keys: Map<string, KeyIndex>
  nearest: Map<string, NearestIndex | null>
  trigrams: Map<string, TrigramIndex>
  /** Embedding model per vector field, so a request reads exactly that model's vectors. */
  models: Record<string, string>
}

export function createMatchingSession(options: {
  tenantId: string
  config: MatchingConfig
  maxAgeMs?: number
}): MatchingSession {
  const { tenantId, config } = options
  const maxAge = options.maxAgeMs ?? 60_000
  let population: Promise<Population> | undefined

  const load = async (sql: Sql): Promise<Population> => {
    const model = await latestModel(sql, tenantId)
    if (!model) throw new NotFoundError('no matching model yet: run the pipeline (or a full match) first')
    const left = await loadRecords(sql, tenantId, config.left)
    const right = await loadRecords(sql, tenantId, config.right)
    const keys = new Map<string, KeyIndex>()
    const nearest = new Map<string, NearestIndex | null>()
    const trigrams = new Map<string, TrigramIndex>()
    for (const rule of config.blocking) {
      if (rule.kind === 'equal' || rule.kind === 'shared')
        keys.set(rule.name, keyIndexOf(right.records, rule.right))
      if (rule.kind === 'nearest') nearest.set(rule.name, createNearestIndex(right.records, rule.right))
      if (rule.kind === 'trigram')
        trigrams.set(rule.name, trigramIndexOf(right.records, rule.right, rule.threshold))
    }
    return {
      loadedAt: Date.now(),
      model,
      right: right.records,
      rightIds: new Set(right.records.map((r) => r.id)),
      earlierOf: new Map(
        right.records.flatMap((r) => {
          const earlier = r.values[DUPLICATE_OF_FIELD]
          return typeof earlier === 'string' ? [[r.id, earlier] as const] : []
        }),
      ),
      comparisons: prepareComparisons(config.comparisons, [...left.records, ...right.records]),
      keys,
      nearest,
      trigrams,
      models: left.models,
    }
  }

  const current = async (sql: Sql): Promise<Population> => {
    if (population) {
      const loaded = await population.catch(() => undefined)
      if (loaded && Date.now() - loaded.loadedAt < maxAge) return loaded
    }
    population = load(sql)
    return population
  }

  return {
    // Requests re-matching records with shared counterparts (or the same record) at once rewrite
    // overlapping candidates, and PostgreSQL may abort one of them as a deadlock: that one is redone.
    matchOne: (sql, leftId) => retryOnConflict(() => matchOneOnce(sql, leftId)),
  }

  async function matchOneOnce(sql: Sql, leftId: string): Promise<MatchView[]> {
    const world = await current(sql)
    const { records } = await loadRecords(sql, tenantId, config.left, {
      ids: [leftId],
      models: world.models,
    })
    const record = records[0]
    if (!record) throw new NotFoundError(`no ${config.left.entity} ${leftId}`)
    const proposals: ProposedPair[] = []
    for (const rule of config.blocking) {
      if (rule.kind === 'equal' || rule.kind === 'shared') {
        proposals.push(
          ...blockOnKeyIndex(
            {
              name: rule.name,
              left: rule.left,
              maxBlock: rule.kind === 'shared' ? rule.max_block : 10_000,
            },
            [record],
            world.keys.get(rule.name) ?? new Map(),
          ),
        )
      } else if (rule.kind === 'trigram') {
        proposals.push(...blockOnTrigrams(rule, [record], world.trigrams.get(rule.name)!))
      } else {
        proposals.push(...blockOnNearest(rule, [record], world.nearest.get(rule.name) ?? null))
      }
    }
    const candidates = new Map<string, CandidatePair>()
    for (const p of proposals) {
      const existing = candidates.get(p.right)
      if (existing) existing.provenance.includes(p.rule) || existing.provenance.push(p.rule)
      else candidates.set(p.right, { left: p.left, right: p.right, provenance: [p.rule] })
    }
    const labels = new Map(
      [...(await reviewLabels(sql, tenantId, config.left.entity))].filter(([key]) =>
        key.startsWith(`${leftId}\u0000`),
      ),
    )
    const pairs = withReviewedPairs(
      withEarlierRecords([...candidates.values()], world.right),
      labels,
      new Set([leftId]),
      world.rightIds,
    )
    const rightIds = new Set(pairs.map((pair) => pair.right))
    const result = runMatching({
      left: [record],
      right: world.right.filter((r) => rightIds.has(r.id)),
      comparisons: config.comparisons,
      prepared: world.comparisons,
      candidates: pairs,
      labels,
      oneToOne: false,
      thresholds: { autoLink: config.thresholds.auto_link, review: config.thresholds.review },
      parameters: world.model.parameters,
      priorBy: config.prior_by,
    })
    const before = (
      await sql<{ right_id: string }[]>`
          select right_id from match.candidates
          where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and left_id = ${leftId} and selected`
    ).map((row) => row.right_id)
    const runId = await startRun(sql, tenantId, 'incremental')
    try {
      await replaceCandidates(sql, {
        tenantId,
        leftEntity: config.left.entity,
        rightEntity: config.right.entity,
        leftIds: [leftId],
        pairs: result.pairs,
        keep: config.keep_candidates,
        modelId: world.model.modelId,
        runId,
        reviewed: labels,
      })
      if (config.one_to_one) await applyAssignment(sql, tenantId, config)
      else {
        await settleJointLinks(sql, tenantId, config, [leftId], world.earlierOf)
        await selectBestOf(sql, tenantId, config, leftId, labels)
        // the right records this one linked before or may link now: their contests may have changed
        await settleContests(sql, tenantId, config, [...new Set([...before, ...rightIds])])
      }
      await finishRun(sql, runId, {
        status: 'succeeded',
        modelId: world.model.modelId,
        leftRecords: 1,
        candidatePairs: candidates.size,
      })
    } catch (error) {
      // Recorded as failed (an attempt a deadlock aborted too, before it is redone): no run stays running.
      await finishRun(sql, runId, { status: 'failed', error: coerceError(error).message }).catch(() => {})
      throw error
    }
    return readMatches(sql, tenantId, config.left.entity, leftId)
  }
}

/** Without one-to-one links, a record's link is its confirmed candidate, else its best one not rejected. */
async function selectBestOf(
  sql: Sql,
  tenantId: string,
  config: MatchingConfig,
  leftId: string,
  /** The reviewers' labels of this record's pairs. */
  labels: ReadonlyMap<string, boolean>,
): Promise<void> {
  const candidates = await sql<{ candidate_id: string; right_id: string; probability: number }[]>`
    select candidate_id::text, right_id, probability from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and left_id = ${leftId}`
  const label = (right: string) => labels.get(pairKey(leftId, right))
  const confirmed = candidates.find((c) => label(c.right_id) === true)
  const best =
    confirmed ??
    candidates.filter((c) => label(c.right_id) !== false).sort((a, b) => b.probability - a.probability)[0]
  await sql`
    update match.candidates set selected = (candidate_id = ${best?.candidate_id ?? '0'})
    where tenant_id = ${tenantId} and left_entity = ${config.left.entity} and left_id = ${leftId}`
}
