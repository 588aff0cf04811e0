// Persistence of matching: models, runs, scored candidates and reviewers' decisions.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { copyRow, type Sql } from '@revops/db'
import type { Band } from '../bands.ts'
import type { MatchedPair } from '../match-engine.ts'
import type { ModelParameters } from '../model/parameters.ts'
import type { Explanation } from '../model/score.ts'

export interface StoredModel {
  modelId: string
  configHash: string
  parameters: ModelParameters
  /** How it was estimated (iterations, pairs, and the population it saw). */
  estimation: Record<string, unknown>
}

export async function latestModel(sql: Sql, tenantId: string): Promise<StoredModel | null> {
  const [row] = await sql<
    {
      model_id: string
      config_hash: string
      parameters: ModelParameters
      estimation: Record<string, unknown>
    }[]
  >`
    select model_id::text, config_hash, parameters, estimation from match.models
    where tenant_id = ${tenantId} order by model_id desc limit 1`
  return row
    ? {
        modelId: row.model_id,
        configHash: row.config_hash,
        parameters: row.parameters,
        estimation: row.estimation,
      }
    : null
}

export async function saveModel(
  sql: Sql,
  tenantId: string,
  model: { configHash: string; parameters: ModelParameters; estimation: Record<string, unknown> },
): Promise<string> {
  const [row] = await sql<{ model_id: string }[]>`
    insert into match.models (tenant_id, config_hash, parameters, estimation)
    values (${tenantId}, ${model.configHash}, ${sql.json(model.parameters as never)}, ${sql.json(model.estimation as never)})
    returning model_id::text`
  return row!.model_id
}

export async function startRun(
  sql: Sql,
  tenantId: string,
  mode: 'full' | 'incremental',
  jobId?: string,
): Promise<string> {
  const [row] = await sql<{ run_id: string }[]>`
    insert into match.runs (tenant_id, mode, job_id) values (${tenantId}, ${mode}, ${jobId ?? null}) returning run_id::text`
  return row!.run_id
}

export async function finishRun(
  sql: Sql,
  runId: string,
  outcome: {
    status: 'succeeded' | 'failed'
    modelId?: string | undefined
    leftRecords?: number
    candidatePairs?: number
    blocking?: Record<string, unknown>
    leftChangedUntil?: string | null
    rightChangedUntil?: string | null
    error?: string
  },
): Promise<void> {
  await sql`
    update match.runs set status = ${outcome.status}, model_id = ${outcome.modelId ?? null},
      left_records = ${outcome.leftRecords ?? 0}, candidate_pairs = ${outcome.candidatePairs ?? 0},
      blocking = ${sql.json((outcome.blocking ?? {}) as never)}, left_changed_until = ${outcome.leftChangedUntil ?? null},
      right_changed_until = ${outcome.rightChangedUntil ?? null}, error = ${outcome.error ?? null}, finished_at = now()
    where run_id = ${runId}`
}

/** Where the last successful run left off (for incremental runs). */
export async function lastSuccessfulRun(
  sql: Sql,
  tenantId: string,
): Promise<{ leftChangedUntil: string | null; rightChangedUntil: string | null } | null> {
  const [row] = await sql<{ left: string | null; right: string | null }[]>`
    select left_changed_until::text as left, right_changed_until::text as right from match.runs
    where tenant_id = ${tenantId} and status = 'succeeded' order by run_id desc limit 1`
  if (!row) return null
  return { leftChangedUntil: row.left, rightChangedUntil: row.right }
}

/**
 * Replaces the stored candidates of the given left records with the newly scored ones (the best `keep`
 * per record, and every reviewed pair): pairs scored again keep their id (upsert), pairs no longer proposed are removed. Rows go
 * through COPY into a temporary table (a multi-row INSERT of tens of thousands of explanations was the
 * slowest part of a run), all in one transaction, so readers never see a record without candidates.
 */
export async function replaceCandidates(
  sql: Sql,
  input: {
    tenantId: string
    leftEntity: string
    rightEntity: string
    leftIds: string[]
    pairs: MatchedPair[]
    keep: number
    modelId: string
    runId: string
    /** Reviewed pairs (`left\u0000right`), kept whatever their rank. */
    reviewed?: ReadonlyMap<string, boolean> | undefined
  },
): Promise<number> {
  const kept = input.pairs.filter(
    (pair) =>
      pair.rank <= input.keep || pair.selected || input.reviewed?.has(`${pair.left}\u0000${pair.right}`),
  )
  return sql.begin(async (tx) => {
    await tx`
      create temp table match_stage (
        left_id text, right_id text, probability double precision, log_odds double precision,
        weight_bits double precision, band text,
        rank integer, provenance text[], explanation jsonb
      ) on commit drop`
    const lines = kept.map((pair) =>
      copyRow([
        pair.left,
        pair.right,
        pair.probability,
        pair.logOdds,
        pair.weightBits,
        pair.band,
        pair.rank,
        pair.provenance,
        JSON.stringify(compactExplanation(pair.explain())),
      ]),
    )
    const writable = await tx`copy match_stage from stdin`.writable()
    await pipeline(Readable.from(chunked(lines)), writable)
    await tx`
      insert into match.candidates (tenant_id, left_entity, left_id, right_entity, right_id, probability, log_odds,
        weight_bits, band, rank, selected, provenance, explanation, model_id, run_id)
      select ${input.tenantId}, ${input.leftEntity}, left_id, ${input.rightEntity}, right_id, probability, log_odds,
        weight_bits, band, rank, false, provenance, explanation, ${input.modelId}, ${input.runId}
      from match_stage
      on conflict (tenant_id, left_entity, left_id, right_id) do update set
        right_entity = excluded.right_entity, probability = excluded.probability, log_odds = excluded.log_odds,
        weight_bits = excluded.weight_bits,
        band = excluded.band, rank = excluded.rank, provenance = excluded.provenance, explanation = excluded.explanation,
        model_id = excluded.model_id, run_id = excluded.run_id, updated_at = now()`
    // Candidates of these records that were not scored again are gone.
    for (let start = 0; start < input.leftIds.length; start += 10_000) {
      await tx`
        delete from match.candidates
        where tenant_id = ${input.tenantId} and left_entity = ${input.leftEntity}
          and left_id = any(${input.leftIds.slice(start, start + 10_000)}) and run_id <> ${input.runId}`
    }
    return kept.length
  })
}

/** Explanations are stored rounded: they are read by people, and halve in size. */
function compactExplanation(explanation: Explanation): Explanation {
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
  return {
    prior: {
      ...explanation.prior,
      lambda: round(explanation.prior.lambda, 4),
      bits: round(explanation.prior.bits, 3),
    },
    contributions: explanation.contributions.map((c) => ({
      ...c,
      bits: round(c.bits, 3),
      m: c.m === null ? null : round(c.m, 4),
      u: c.u === null ? null : round(c.u, 4),
      ...(c.term_frequency
        ? {
            term_frequency: {
              share: round(c.term_frequency.share, 6),
              bits: round(c.term_frequency.bits, 3),
            },
          }
        : {}),
    })),
    competition: { bits: round(explanation.competition.bits, 3) },
  }
}

function* chunked(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 500) yield lines.slice(i, i + 500).join('')
}

/**
 * The newest reviewer decision per pair, as labels for estimation and assignment. A left record has one
 * counterpart at most: of several pairs whose newest word is "confirm" (a confirmation superseded
 * before superseding was recorded), only the newest confirmation is a match; the others are labelled
 * non-matches, so contradictory labels never reach the model.
 */
export async function reviewLabels(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
): Promise<Map<string, boolean>> {
  const rows = await sql<{ left_id: string; right_id: string; label: boolean }[]>`
    with latest as (
      select distinct on (left_id, right_id) left_id, right_id, decision, review_id
      from match.reviews where tenant_id = ${tenantId} and left_entity = ${leftEntity}
      order by left_id, right_id, created_at desc, review_id desc
    )
    select left_id, right_id,
           decision = 'confirm'
             and review_id = max(review_id) filter (where decision = 'confirm') over (partition by left_id) as label
    from latest`
  return new Map(rows.map((row) => [`${row.left_id}\u0000${row.right_id}`, row.label]))
}

export interface StoredCandidate {
  candidateId: string
  leftId: string
  rightId: string
  probability: number
  band: Band
}

/** Every stored candidate (id, pair, probability), for the global one-to-one assignment. */
export async function allCandidates(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
): Promise<StoredCandidate[]> {
  const rows = await sql<
    { candidate_id: string; left_id: string; right_id: string; probability: number; band: Band }[]
  >`
    select candidate_id::text, left_id, right_id, probability, band from match.candidates
    where tenant_id = ${tenantId} and left_entity = ${leftEntity}`
  return rows.map((r) => ({
    candidateId: r.candidate_id,
    leftId: r.left_id,
    rightId: r.right_id,
    probability: r.probability,
    band: r.band,
  }))
}

/** Marks exactly these candidates as selected (all others of the entity unselected). */
export async function setSelected(
  sql: Sql,
  tenantId: string,
  leftEntity: string,
  candidateIds: string[],
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update match.candidates set selected = false where tenant_id = ${tenantId} and left_entity = ${leftEntity} and selected
             and candidate_id <> all(${candidateIds})`
    await tx`update match.candidates set selected = true where tenant_id = ${tenantId} and candidate_id = any(${candidateIds}) and not selected`
  })
}
