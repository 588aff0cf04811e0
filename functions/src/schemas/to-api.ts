// Maps engine records to their API (snake_case) shapes.

import type { MatchView } from '@revops/engine/match'
import type { JobRecord } from '@revops/engine/ops'

export function jobToApi(job: JobRecord) {
  return {
    id: job.jobId,
    kind: job.kind,
    status: job.status,
    payload: job.payload,
    requested_by: job.requestedBy,
    progress: job.progress,
    attempts: job.attempts,
    last_error: job.lastError,
    result: job.result ?? null,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
  }
}

export function matchToApi(match: MatchView) {
  return {
    id: match.id,
    ace_id: match.left_id,
    odoo_lead_id: match.right_id,
    probability: match.probability,
    band: match.band,
    rank: match.rank,
    selected: match.selected,
    provenance: match.provenance,
    explanation: match.explanation,
    review: match.review,
    etag: match.etag,
    odoo: match.right_summary,
    model_id: match.model_id,
    updated_at: match.updated_at,
  }
}
