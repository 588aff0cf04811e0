// The job worker and the embedding worker: graphile-worker over the stages.
export { runEmbeddingWorker } from './embedding/run-embedding-worker.ts'
export { installJobQueue } from './install-job-queue.ts'
export type { RunningWorker } from './run-worker.ts'
export { runWorker } from './run-worker.ts'
export { SCHEDULER_CRONTAB } from './schedule-tick.ts'
export { createTaskList } from './task-list.ts'
export type { WorkerDeps } from './task-runtime.ts'
