// A reviewer confirms or rejects a candidate pair: an append-only record (also a label for the next
// estimation), after which the links are chosen again so the decision takes effect at once.
import type { Sql } from '@revops/db'
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
  await sql`
    insert into match.reviews (tenant_id, left_entity, left_id, right_entity, right_id, decision, reviewer, note, probability_at_review)
    values (${input.tenantId}, ${match.left_entity}, ${match.left_id}, ${match.right_entity}, ${match.right_id}, ${input.decision},
            ${input.reviewer}, ${input.note ?? null}, ${match.probability})`
  await applyAssignment(sql, input.tenantId, input.config)
  return readMatch(sql, input.tenantId, input.candidateId)
}
