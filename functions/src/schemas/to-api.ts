// Maps engine records to their API (snake_case) shapes.
import type { JobRecord } from '@revops/engine/jobs/job-store'

export function jobToApi(job: JobRecord) {
  return {
    id: job.jobId,
    kind: job.kind,
    status: job.status,
    payload: job.payload,
    progress: job.progress,
    attempts: job.attempts,
    last_error: job.lastError,
    result: job.result ?? null,
    created_at: job.createdAt,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
  }
}
