// A reviewer confirms or rejects a candidate pair: an append-only record (also a label for the next
// estimation), after which the links are chosen again so the decision takes effect at once. The act is
// also written to the tenant's audit log, so an opportunity's history shows who linked it to what.
// A review states what it saw (matchReviewState): if the left record was reviewed since, it is a conflict.
// A left record has one counterpart: confirming a pair while another pair of the same record stands
// confirmed supersedes that confirmation, visibly (a rejection of the old pair saying so) and audited.
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../../audit/audit-events.ts'
import { ConflictError } from '../../shared/errors.ts'
import { applyAssignment } from '../apply-assignment.ts'
import type { MatchingConfig } from '../config/matching-config.ts'
import { matchReviewState, readMatch } from './read-matches.ts'

export interface RecordReviewInput {
  tenantId: string
  config: MatchingConfig
  candidateId: string
  decision: 'confirm' | 'reject'
  /** The principal's name (the database stamps a key's session with the key itself). */
  reviewer: string
  reviewerKeyId?: string | null | undefined
  /** A name the person gave, kept beside the principal. */
  displayName?: string | null | undefined
  note?: string | null | undefined
  /** The review state the reviewer saw (MatchView.etag); a different current state is a conflict. */
  expectedState?: string | undefined
}

export async function recordReview(sql: Sql, input: RecordReviewInput) {
  const match = await readMatch(sql, input.tenantId, input.candidateId)
  const actor = {
    actor: input.reviewer,
    actorKeyId: input.reviewerKeyId,
    actorDisplayName: input.displayName,
  }
  await sql.begin(async (tx) => {
    // Reviews of one left record are serialised, so the state each one checks is the state it changes.
    await tx`select pg_advisory_xact_lock(hashtextextended(${`match-review:${input.tenantId}:${match.left_entity}:${match.left_id}`}, 0))`
    const [latest] = await tx<{ review_id: string | null }[]>`
      select max(review_id)::text as review_id from match.reviews
      where tenant_id = ${input.tenantId} and left_entity = ${match.left_entity} and left_id = ${match.left_id}`
    const state = matchReviewState(match.id, latest?.review_id ?? null)
    if (input.expectedState !== undefined && input.expectedState !== state) {
      throw new ConflictError(
        `${match.left_entity} ${match.left_id} was reviewed since you looked; read its candidates again and review that state`,
        { match_id: match.id, current_state: state },
      )
    }
    const insertReview = (rightId: string, decision: 'confirm' | 'reject', note: string | null) => tx`
      insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer,
                                 reviewer_key_id, reviewer_display_name, note, probability_at_review)
      select ${input.tenantId}, ${match.left_entity}, ${match.left_id}, ${match.right_entity}, ${rightId}, ${decision},
             ${input.reviewer}, ${input.reviewerKeyId ?? null}, ${input.displayName ?? null}, ${note},
             (select c.probability from match.candidates c where c.tenant_id = ${input.tenantId}
                and c.left_entity = ${match.left_entity} and c.left_id = ${match.left_id} and c.right_id = ${rightId})`
    if (input.decision === 'confirm') {
      // Pairs of this record whose newest word is a confirmation: this confirmation replaces them.
      const superseded = await tx<{ right_id: string; review_id: string }[]>`
        select right_id, review_id::text from (
          select distinct on (right_id) right_id, decision, review_id from match.reviews
          where tenant_id = ${input.tenantId} and left_entity = ${match.left_entity} and left_id = ${match.left_id}
          order by right_id, created_at desc, review_id desc
        ) latest
        where decision = 'confirm' and right_id <> ${match.right_id}`
      for (const old of superseded) {
        await insertReview(old.right_id, 'reject', `superseded by the confirmation of ${match.right_id}`)
        await recordAuditEvent(tx, {
          tenantId: input.tenantId,
          ...actor,
          action: 'match.confirmation_superseded',
          subjectType: match.left_entity,
          subjectId: match.left_id,
          details: {
            [`${match.right_entity}_id`]: old.right_id,
            superseded_review_id: old.review_id,
            by: { [`${match.right_entity}_id`]: match.right_id },
          },
        })
      }
    }
    await insertReview(match.right_id, input.decision, input.note ?? null)
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      ...actor,
      action: input.decision === 'confirm' ? 'match.confirmed' : 'match.rejected',
      subjectType: match.left_entity,
      subjectId: match.left_id,
      details: {
        match_id: match.id,
        [`${match.right_entity}_id`]: match.right_id,
        probability: match.probability,
        band: match.band,
        note: input.note ?? null,
      },
    })
  })
  await applyAssignment(sql, input.tenantId, input.config)
  return readMatch(sql, input.tenantId, input.candidateId)
}
