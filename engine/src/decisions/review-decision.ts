// A reviewer approves or rejects a decision, with a note saying why: its own append-only row plus an
// audit event. Only the current decision of an opportunity can be reviewed; one that a newer evaluation
// has superseded is a conflict (the reviewer would be judging facts that are no longer true). A review
// states what it saw (the decision's review state, `<decision id>.<latest review id>`): when someone else
// reviewed it since, that is a conflict too, so a verdict changes only on purpose, and the change names
// the review it supersedes.
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../audit/audit-events.ts'
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts'
import { lockDecisionForReview } from './decision-store.ts'
import { joinLatestReview } from './latest-review.ts'

export type ReviewAction = 'approve' | 'reject'

export interface ReviewDecisionInput {
  tenantId: string
  decisionId: string
  action: ReviewAction
  note: string
  /** The principal's name (a key's name; the database stamps the key of a key's session itself). */
  reviewer: string
  reviewerKeyId?: string | null | undefined
  /** A name the person gave, kept beside the principal. */
  displayName?: string | null | undefined
  /** The review state the reviewer saw (decisionReviewState); a different current state is a conflict. */
  expectedState?: string | undefined
}

export interface DecisionReview {
  review_id: string
  decision_id: string
  ace_id: string
  action: ReviewAction
  note: string
  reviewer: string
  reviewer_display_name: string | null
  /** The review this one replaced (the decision's previous verdict), if any. */
  supersedes_review_id: string | null
  created_at: string
}

/** The state a review of a decision must state it saw: the decision and its newest review. */
export function decisionReviewState(decisionId: string, latestReviewId: string | null): string {
  return `${decisionId}.${latestReviewId ?? 0}`
}

interface ReviewRow extends Omit<DecisionReview, 'created_at' | 'supersedes_review_id'> {
  created_at: Date
  supersedes_review_id?: string | null
}

/** The columns of a stored review, for queries that read them (toDecisionReview turns the row). */
export const REVIEW_COLUMNS = `review_id::text, decision_id::text, ace_id, action, note, reviewer,
  reviewer_display_name, created_at,
  (select p.review_id::text from ops.decision_reviews p where p.decision_id = r.decision_id
     and p.review_id < r.review_id order by p.review_id desc limit 1) as supersedes_review_id`

/** Turns a stored review into the shape callers see. */
export function toDecisionReview(row: ReviewRow): DecisionReview {
  return {
    ...row,
    supersedes_review_id: row.supersedes_review_id ?? null,
    created_at: row.created_at.toISOString(),
  }
}

/**
 * Records a reviewer's approval or rejection of a current decision. ValidationError for an empty note
 * or reviewer, NotFoundError for an unknown decision, ConflictError for one no longer current.
 */
export async function reviewDecision(sql: Sql, input: ReviewDecisionInput): Promise<DecisionReview> {
  const note = input.note.trim()
  const reviewer = input.reviewer.trim()
  if (!note) throw new ValidationError('a review needs a note saying why', { field: 'note' })
  if (!reviewer) throw new ValidationError('a review needs a reviewer', { field: 'reviewer' })
  if (input.action !== 'approve' && input.action !== 'reject')
    throw new ValidationError(`action must be approve or reject, got ${input.action}`, { field: 'action' })
  if (!/^\d{1,18}$/.test(input.decisionId)) throw new NotFoundError(`no decision ${input.decisionId}`)
  return sql.begin(async (tx) => {
    await lockDecisionForReview(tx, input.tenantId, input.decisionId)
    const [decision] = await tx<
      {
        ace_id: string
        outcome: string
        current_id: string
        latest_review_id: string | null
        latest_action: string | null
      }[]
    >`
      select d.ace_id, d.outcome,
             (select c.decision_id::text from ops.decisions c
              where c.tenant_id = d.tenant_id and c.ace_id = d.ace_id order by c.decision_id desc limit 1) as current_id,
             v.review_id::text as latest_review_id, v.action as latest_action
      from ops.decisions d
      ${joinLatestReview(tx)}
      where d.tenant_id = ${input.tenantId} and d.decision_id = ${input.decisionId}`
    if (!decision) throw new NotFoundError(`no decision ${input.decisionId}`)
    if (decision.current_id !== input.decisionId) {
      throw new ConflictError(
        `decision ${input.decisionId} is no longer current for ${decision.ace_id}: review decision ${decision.current_id}`,
        { ace_id: decision.ace_id, current_decision_id: decision.current_id },
      )
    }
    const state = decisionReviewState(input.decisionId, decision.latest_review_id)
    if (input.expectedState !== undefined && input.expectedState !== state) {
      throw new ConflictError(
        `decision ${input.decisionId} was reviewed since you looked (it is now ${decision.latest_action ?? 'unreviewed'}); read it again and review that state`,
        { decision_id: input.decisionId, current_state: state, latest_review_id: decision.latest_review_id },
      )
    }
    const [row] = await tx<ReviewRow[]>`
      insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer, reviewer_key_id, reviewer_display_name)
      values (${input.tenantId}, ${input.decisionId}, ${decision.ace_id}, ${input.action}, ${note}, ${reviewer},
              ${input.reviewerKeyId ?? null}, ${input.displayName ?? null})
      returning review_id::text, decision_id::text, ace_id, action, note, reviewer, reviewer_display_name, created_at`
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      actor: reviewer,
      actorKeyId: input.reviewerKeyId,
      actorDisplayName: input.displayName,
      action: input.action === 'approve' ? 'decision.approved' : 'decision.rejected',
      subjectType: 'ace_opportunity',
      subjectId: decision.ace_id,
      details: {
        decision_id: input.decisionId,
        review_id: row!.review_id,
        outcome: decision.outcome,
        note,
        ...(decision.latest_review_id
          ? { supersedes_review_id: decision.latest_review_id, previous_action: decision.latest_action }
          : {}),
      },
    })
    return toDecisionReview({ ...row!, supersedes_review_id: decision.latest_review_id })
  })
}
