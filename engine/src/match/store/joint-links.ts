// Applies the joint link probabilities (joint-assignment.ts) to the stored candidates: each pair's
// probability becomes the one decided together with the other records claiming the same counterparts,
// and its explanation says what they took away, and, on a record's best pair, why it was preferred
// over the runner-up deal. Computed from `weight_bits`, never from an earlier result, so it is the same
// after any number of runs. Reviewers' words are fixed points: a confirmed pair claims its counterpart
// for certain, a rejected pair claims nothing.
import type { Sql } from '@revops/db'
import type { MatchingConfig } from '../config/matching-config.ts'
import { type JointEdge, jointProbabilities } from '../joint-assignment.ts'
import type { Contribution, JointExplanation } from '../model/score.ts'
import { reviewLabels } from './match-store.ts'

/** A confirmed pair's weight: certain, whatever the model said. */
const CONFIRMED_BITS = 60
/** A runner-up this likely on its own is a real alternative the reviewer should see compared. */
const RUNNER_UP_SHOWN = 0.05
const RIVALS_SHOWN = 3
/**
 * A re-entered record this much stronger than the earlier one is not merged into it: more than the
 * noise of two separately typed copies (8 bits on the demo), about what a stored CRM id naming the
 * later record adds over another lead (+8.4 for, −5.5 against) — the "re-entry" is then more likely a
 * distinct deal of the same customer.
 */
const CLEARLY_PREFERRED_BITS = 12
const DIFFERENCES_SHOWN = 5

interface StoredEdge {
  candidate_id: string
  left_id: string
  right_id: string
  probability: number
  weight_bits: number
  joint: JointExplanation | null
}

/**
 * Recomputes the joint probabilities of the tenant's candidates, or, given `leftIds`, of those records'
 * candidates only (a single-record re-match: the records claiming the same counterparts and their
 * other candidates are read, so their claims count, but only these records' pairs are rewritten).
 * Returns how many candidates changed.
 */
export async function settleJointLinks(
  sql: Sql,
  tenantId: string,
  config: Pick<MatchingConfig, 'left' | 'right' | 'one_to_one' | 'second_claim_odds'>,
  leftIds?: readonly string[],
  /**
   * Which right records re-enter which (`right.duplicate_of`), when the caller already has them loaded
   * (a matching session keeps every right record): saves reading them again on a single re-match.
   */
  earlierOf?: ReadonlyMap<string, string>,
): Promise<number> {
  const entity = config.left.entity
  const rows = leftIds
    ? await sql<StoredEdge[]>`
        with mine as (
          select right_id from match.candidates
          where tenant_id = ${tenantId} and left_entity = ${entity} and left_id = any(${leftIds as string[]})
        ), rivals as (
          select distinct c.left_id from match.candidates c join mine using (right_id)
          where c.tenant_id = ${tenantId} and c.left_entity = ${entity}
        )
        -- the records asked about are among the claimants of their own candidates; no OR here, which
        -- would read every candidate of the tenant instead of using the index
        select candidate_id::text, left_id, right_id, probability, weight_bits, joint
        from match.candidates
        where tenant_id = ${tenantId} and left_entity = ${entity} and left_id in (select left_id from rivals)`
    : await sql<StoredEdge[]>`
        select candidate_id::text, left_id, right_id, probability, weight_bits, joint
        from match.candidates where tenant_id = ${tenantId} and left_entity = ${entity}`
  if (rows.length === 0) return 0
  // In pair order, not storage order: the sums come out the same to the last bit wherever the
  // candidates were written from (two tenants on the same data decide the same)
  rows.sort((a, b) => compareText(a.left_id, b.left_id) || compareText(a.right_id, b.right_id))
  const labels = await reviewLabels(sql, tenantId, entity)
  const label = (row: StoredEdge) => labels.get(`${row.left_id}\u0000${row.right_id}`)
  const confirmedLeft = new Set(rows.filter((row) => label(row) === true).map((row) => row.left_id))
  const reviewed = rows.filter((row) =>
    confirmedLeft.has(row.left_id) ? label(row) === true : label(row) !== false,
  )
  const rightIds = leftIds ? [...new Set(reviewed.map((row) => row.right_id))] : undefined
  const { open, mergedInto } = mergeReentries(
    reviewed,
    earlierOf ?? (await reentries(sql, tenantId, config.right, rightIds)),
    label,
  )
  const edges: JointEdge[] = open.map((row) => ({
    left: row.left_id,
    right: row.right_id,
    weightBits: label(row) === true ? CONFIRMED_BITS : row.weight_bits,
  }))
  const result = jointProbabilities(edges, {
    secondClaim: config.one_to_one ? 0 : config.second_claim_odds,
  })

  const byRight = new Map<string, number[]>()
  const byLeft = new Map<string, number[]>()
  open.forEach((row, index) => {
    append(byRight, row.right_id, index)
    append(byLeft, row.left_id, index)
  })
  const targets = leftIds ? new Set(leftIds) : null
  const changes: { id: string; probability: number; joint: JointExplanation | null }[] = []
  const openIndex = new Map(open.map((row, index) => [row.candidate_id, index]))
  const runnerUps = new Map<number, number>()
  for (const [left, members] of byLeft) {
    if (targets && !targets.has(left)) continue
    const ranked = [...members].sort((a, b) => result.probabilities[b]! - result.probabilities[a]! || a - b)
    const [best, second] = ranked
    if (
      best !== undefined &&
      second !== undefined &&
      result.ownProbabilities[second]! >= RUNNER_UP_SHOWN &&
      !confirmedLeft.has(open[best]!.left_id)
    )
      runnerUps.set(best, second)
  }
  const preferred = await comparedRunnerUps(sql, runnerUps, open)

  const ownAlone = mergedInto.size > 0 ? ownProbabilities(reviewed) : new Map<string, number>()
  for (const row of rows) {
    if (targets && !targets.has(row.left_id)) continue
    const index = openIndex.get(row.candidate_id)
    if (index === undefined) {
      // a rejected pair, another pair of a record whose counterpart a reviewer confirmed, or a
      // re-entered record's pair whose evidence went to the earlier record
      const earlier = mergedInto.get(row.candidate_id)
      const joint: JointExplanation | null = earlier
        ? {
            own_probability: round(ownAlone.get(row.candidate_id) ?? 0),
            rival_bits: 0,
            competition_bits: 0,
            rivals: [],
            reentry_of: earlier,
          }
        : null
      if (row.probability !== 0 || canonical(joint) !== canonical(row.joint))
        changes.push({ id: row.candidate_id, probability: 0, joint })
      continue
    }
    const rivals = (byRight.get(row.right_id) ?? [])
      .filter((other) => other !== index && result.probabilities[other]! >= 0.01)
      .sort((a, b) => result.probabilities[b]! - result.probabilities[a]!)
      .slice(0, RIVALS_SHOWN)
      .map((other) => ({ left_id: open[other]!.left_id, probability: round(result.probabilities[other]!) }))
    const differences = preferred.get(index)
    const second = runnerUps.get(index)
    const runnerUp =
      differences && second !== undefined
        ? {
            right_id: open[second]!.right_id,
            probability: round(result.probabilities[second]!),
            own_probability: round(result.ownProbabilities[second]!),
            differences,
          }
        : null
    const joint: JointExplanation | null =
      rivals.length > 0 || runnerUp
        ? {
            own_probability: round(result.ownProbabilities[index]!),
            rival_bits: Math.round(result.rivalBits[index]! * 1000) / 1000,
            competition_bits: Math.round(result.competitionBits[index]! * 1000) / 1000,
            rivals,
            ...(runnerUp ? { preferred_over: runnerUp } : {}),
          }
        : null
    const probability = result.probabilities[index]!
    if (Math.abs(probability - row.probability) > 1e-12 || canonical(joint) !== canonical(row.joint))
      changes.push({ id: row.candidate_id, probability, joint })
  }
  for (let start = 0; start < changes.length; start += 5000) {
    const batch = changes.slice(start, start + 5000)
    await sql`
      update match.candidates c
      set probability = u.probability,
          joint = u.joint::jsonb,
          updated_at = now()
      from unnest(${batch.map((c) => c.id)}::bigint[], ${batch.map((c) => c.probability)}::float8[],
                  ${batch.map((c) => (c.joint ? JSON.stringify(c.joint) : null)) as string[]}::text[])
           as u(candidate_id, probability, joint)
      where c.candidate_id = u.candidate_id and c.tenant_id = ${tenantId}`
  }
  return changes.length
}

/** Pairs' probabilities on their own record's evidence alone (the exclusive model), by candidate id. */
function ownProbabilities(rows: readonly StoredEdge[]): Map<string, number> {
  const byLeft = new Map<string, StoredEdge[]>()
  for (const row of rows) byLeft.set(row.left_id, [...(byLeft.get(row.left_id) ?? []), row])
  const own = new Map<string, number>()
  for (const mine of byLeft.values()) {
    const top = Math.max(0, ...mine.map((other) => other.weight_bits))
    const total = 2 ** -top + mine.reduce((sum, other) => sum + 2 ** (other.weight_bits - top), 0)
    for (const row of mine) own.set(row.candidate_id, 2 ** (row.weight_bits - top) / total)
  }
  return own
}

/** Right ids that re-enter an earlier right record, with that record's id (config `duplicate_of`). */
async function reentries(
  sql: Sql,
  tenantId: string,
  right: MatchingConfig['right'],
  /** Only these right records (a single-record re-match reads its own candidates', not every record's). */
  rightIds?: string[],
): Promise<Map<string, string>> {
  if (!right.duplicate_of || rightIds?.length === 0) return new Map()
  const only = rightIds ? ` and (${right.id})::text = any($2::text[])` : ''
  const rows = await sql.unsafe<{ id: string; earlier: string }[]>(
    `select (${right.id})::text as id, (${right.duplicate_of})::text as earlier
     from ${right.from} where ${right.tenant} = $1 and (${right.duplicate_of}) is not null${only}`,
    (rightIds ? [tenantId, rightIds] : [tenantId]) as never[],
  )
  return new Map(rows.map((row) => [row.id, row.earlier]))
}

/**
 * Where a left record's candidates hold a re-entered right record and the earlier one it re-enters,
 * the earlier pair takes both pairs' weight (the same deal is one counterpart) and the re-entry's pair
 * leaves the joint step. A reviewer's confirmation of the re-entry stands.
 */
function mergeReentries(
  rows: StoredEdge[],
  earlierOf: ReadonlyMap<string, string>,
  label: (row: StoredEdge) => boolean | undefined,
): { open: StoredEdge[]; mergedInto: Map<string, string> } {
  const mergedInto = new Map<string, string>()
  if (earlierOf.size === 0) return { open: rows, mergedInto }
  const byPair = new Map(rows.map((row) => [`${row.left_id}\u0000${row.right_id}`, row]))
  const weights = new Map<StoredEdge, number>()
  for (const row of rows) {
    const earlier = earlierOf.get(row.right_id)
    const target = earlier === undefined ? undefined : byPair.get(`${row.left_id}\u0000${earlier}`)
    if (!target || label(row) === true || label(target) === true) continue
    // evidence that clearly prefers the later record (its CRM id, its account) says it is not a mere
    // re-entry of the earlier one for this left record: the two stay apart
    if (row.weight_bits > target.weight_bits + CLEARLY_PREFERRED_BITS) continue
    const bits = weights.get(target) ?? target.weight_bits
    weights.set(
      target,
      Math.max(bits, row.weight_bits) + Math.log2(1 + 2 ** -Math.abs(bits - row.weight_bits)),
    )
    mergedInto.set(row.candidate_id, target.right_id)
  }
  const open = rows
    .filter((row) => !mergedInto.has(row.candidate_id))
    .map((row) => (weights.has(row) ? { ...row, weight_bits: weights.get(row)! } : row))
  return { open, mergedInto }
}

/**
 * For each best pair with a close runner-up: the comparisons where the two differ most, read from
 * their stored explanations (the same arithmetic the reviewer sees on each).
 */
async function comparedRunnerUps(
  sql: Sql,
  runnerUps: ReadonlyMap<number, number>,
  open: readonly StoredEdge[],
): Promise<Map<number, Differences>> {
  const compared = new Map<number, Differences>()
  if (runnerUps.size === 0) return compared
  const ids = [...runnerUps].flatMap(([best, second]) => [
    open[best]!.candidate_id,
    open[second]!.candidate_id,
  ])
  const rows = await sql<{ candidate_id: string; contributions: Contribution[] }[]>`
    select candidate_id::text, explanation -> 'contributions' as contributions
    from match.candidates where candidate_id = any(${ids}::bigint[])`
  const contributions = new Map(rows.map((row) => [row.candidate_id, row.contributions]))
  for (const [best, second] of runnerUps) {
    const mine = contributions.get(open[best]!.candidate_id) ?? []
    const theirs = new Map(
      (contributions.get(open[second]!.candidate_id) ?? []).map((c) => [c.comparison, c]),
    )
    const differences = mine
      .map((c) => {
        const other = theirs.get(c.comparison)
        return {
          comparison: c.comparison,
          level: c.level,
          other_level: other?.level ?? 'no data',
          bits: Math.round((c.bits - (other?.bits ?? 0)) * 1000) / 1000,
        }
      })
      .filter((d) => Math.abs(d.bits) >= 0.5)
      .sort((a, b) => Math.abs(b.bits) - Math.abs(a.bits))
      .slice(0, DIFFERENCES_SHOWN)
    compared.set(best, differences)
  }
  return compared
}

/** JSON with keys sorted (jsonb keeps its own key order), to tell a changed explanation from the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )
}

function append(groups: Map<string, number[]>, key: string, index: number): void {
  const list = groups.get(key)
  if (list) list.push(index)
  else groups.set(key, [index])
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

type Differences = NonNullable<JointExplanation['preferred_over']>['differences']

const round = (x: number) => Math.round(x * 10_000) / 10_000
