// Every task the job worker runs, by identifier (the identifier is also ops.jobs.kind).
import type { TaskList } from 'graphile-worker'
import type { WorkerDeps } from './task-runtime.ts'
import { syncTask } from './tasks/sync.ts'

export function createTaskList(deps: WorkerDeps): TaskList {
  return {
    sync: syncTask(deps),
  }
}
