// A job worker in a process of its own (as `revops worker` runs), with a fast heartbeat, so a fault test
// can kill it hard (SIGKILL) in the middle of a job. Its tenant syncs `lead` from the given source in
// small batches. Arguments: the worker role's URL, the source URL.
import { randomUUID } from 'node:crypto'
import { connect } from '@revops/db'
import { silentLogger } from '@revops/engine/shared'
import { makeTestTenant } from '@revops/engine/testing'
import { runWorker } from '../run-worker.ts'
import { createTaskList } from '../task-list.ts'
import type { WorkerDeps } from '../task-runtime.ts'

const [workerUrl, sourceUrl] = process.argv.slice(2) as [string, string]
const deps: WorkerDeps = {
  sql: connect(workerUrl, { max: 2 }),
  databaseUrl: workerUrl,
  workerId: `jobs-child-${randomUUID()}`,
  loadTenant: async () => makeTestTenant(sourceUrl, { batchSize: 25, tables: ['lead'] }),
  log: silentLogger,
}
await runWorker({ deps, taskList: createTaskList(deps), pollIntervalMs: 100, heartbeatMs: 300 })
process.send?.({ ready: deps.workerId })
