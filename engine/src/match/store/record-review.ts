// A reviewer confirms or rejects a candidate pair: an append-only record (also a label for the next
// estimation), after which the links are chosen again so the decision takes effect at once. The act is
// also written to the tenant's audit log, so an opportunity's history shows who linked it to what.
import type { Sql } from '@revops/db'
import { recordAuditEvent } from '../../decisions/audit-events.ts'
import { applyAssignment } from '../apply-assignment.ts'
import type { MatchingConfig } from '../config/matching-config.ts'
import { readMatch } from './read-matches.ts'

export async function recordReview(
  sql: Sql,
  input: {
    tenantId: string
    config: MatchingConfig
    candidateId: string
    decision: 'confirm' | 'reject'
    reviewer: string
    note?: string | null | undefined
  },
) {
  const match = await readMatch(sql, input.tenantId, input.candidateId)
  await sql.begin(async (tx) => {
    await tx`
      insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer, note, probability_at_review)
      values (${input.tenantId}, ${match.left_entity}, ${match.left_id}, ${match.right_entity}, ${match.right_id}, ${input.decision},
              ${input.reviewer}, ${input.note ?? null}, ${match.probability})`
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      actor: input.reviewer,
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
