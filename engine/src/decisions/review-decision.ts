// A reviewer approves or rejects a decision, with a note saying why: its own append-only row plus an
// audit event. Only the current decision of an opportunity can be reviewed; one that a newer evaluation
// has superseded is a conflict (the reviewer would be judging facts that are no longer true).
import type { Sql } from '@revops/db'
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts'
import { recordAuditEvent } from './audit-events.ts'
import { lockTenantDecisions } from './decision-store.ts'

export type ReviewAction = 'approve' | 'reject'

export interface ReviewDecisionInput {
  tenantId: string
  decisionId: string
  action: ReviewAction
  note: string
  reviewer: string
}

export interface DecisionReview {
  review_id: string
  decision_id: string
  ace_id: string
  action: ReviewAction
  note: string
  reviewer: string
  created_at: string
}

interface ReviewRow extends Omit<DecisionReview, 'created_at'> {
  created_at: Date
}

/** Turns a stored review into the shape callers see. */
export function toDecisionReview(row: ReviewRow): DecisionReview {
  return { ...row, created_at: row.created_at.toISOString() }
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
    await lockTenantDecisions(tx, input.tenantId)
    const [decision] = await tx<{ ace_id: string; outcome: string; current_id: string }[]>`
      select d.ace_id, d.outcome,
             (select c.decision_id::text from ops.decisions c
              where c.tenant_id = d.tenant_id and c.ace_id = d.ace_id order by c.decision_id desc limit 1) as current_id
      from ops.decisions d where d.tenant_id = ${input.tenantId} and d.decision_id = ${input.decisionId}`
    if (!decision) throw new NotFoundError(`no decision ${input.decisionId}`)
    if (decision.current_id !== input.decisionId) {
      throw new ConflictError(
        `decision ${input.decisionId} is no longer current for ${decision.ace_id}: review decision ${decision.current_id}`,
        { ace_id: decision.ace_id, current_decision_id: decision.current_id },
      )
    }
    const [row] = await tx<ReviewRow[]>`
      insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
      values (${input.tenantId}, ${input.decisionId}, ${decision.ace_id}, ${input.action}, ${note}, ${reviewer})
      returning review_id::text, decision_id::text, ace_id, action, note, reviewer, created_at`
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      actor: reviewer,
      action: input.action === 'approve' ? 'decision.approved' : 'decision.rejected',
      subjectType: 'ace_opportunity',
      subjectId: decision.ace_id,
      details: {
        decision_id: input.decisionId,
        review_id: row!.review_id,
        outcome: decision.outcome,
        note,
      },
    })
    return toDecisionReview(row!)
  })
}
