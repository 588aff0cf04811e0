// Foundation — operations: the job queue, worker heartbeats and health.

export type { JobRecord, JobStatus } from './job-store.ts'
export {
  enqueueJob,
  getJob,
  isJobFinished,
  listJobs,
  markJobAttemptFailed,
  markJobRunning,
  markJobSucceeded,
  recordJobProgress,
  releaseDeadWorkers,
  waitForJob,
} from './job-store.ts'
export { type QueueMetrics, readQueueMetrics } from './queue-metrics.ts'
export { readHealthDetails, readLiveness } from './read-health.ts'
export { startHeartbeat } from './worker-heartbeat.ts'
