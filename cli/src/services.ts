// Long-running services the CLI starts: the job worker and the HTTP server, each registered for an
// orderly shutdown (HTTP stops accepting first, the worker finishes its batch, the database goes last).
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { hostname } from 'node:os'
import type { HttpBindings as NodeBindings } from '@hono/node-server'
import { getRequestListener } from '@hono/node-server'
import { connect } from '@revops/db'
import { listTenantIds } from '@revops/engine/config'
import { createConfiguredEmbedder, type Embedder } from '@revops/engine/embed'
import { createApiDatabase } from '@revops/engine/tenancy'
import { cachedTenantLoader, createApp, createMatchingSessions } from '@revops/functions'
import { createWebAssets, withWebAssets } from '@revops/web/server'
import { createTaskList, runWorker, SCHEDULER_CRONTAB, type WorkerDeps } from '@revops/worker'
import { embeddingSettings } from './commands/embed.ts'
import type { Runtime } from './runtime.ts'
import { PRODUCT_VERSION } from './version.ts'

export interface RunningService {
  /** Resolves when the service has stopped. */
  done: Promise<void>
}

export async function startJobWorker(runtime: Runtime, concurrency: number): Promise<RunningService> {
  const sql = connect(runtime.runtimeUrls.worker, { max: 2, applicationName: 'revops-worker' })
  runtime.shutdown.onShutdown(() => sql.end({ timeout: 5 }))
  const deps: WorkerDeps = {
    sql,
    databaseUrl: runtime.runtimeUrls.worker,
    // The host name first, so an operator (or the stack test) can tell which machine or container runs a job.
    workerId: `jobs-${hostname()}-${randomUUID()}`,
    loadTenant: (tenantId) => runtime.loadTenant(tenantId),
    listTenantIds: () => listTenantIds(runtime.env.tenantsDir),
    acquireEmbedder: embedderFactory(runtime),
    log: runtime.log,
  }
  const worker = await runWorker({
    deps,
    taskList: createTaskList(deps),
    crontab: SCHEDULER_CRONTAB,
    concurrency,
  })
  runtime.shutdown.onShutdown(async () => {
    runtime.log.info('job worker: stopping after the work in flight')
    await worker.stop()
  })
  return { done: worker.done }
}

/** Creates the configured embedder (bge-m3 when a model is present, else the lexical fallback). */
export function embedderFactory(runtime: Runtime): () => Promise<Embedder> {
  return () => createConfiguredEmbedder({ ...embeddingSettings(runtime, {}), log: runtime.log })
}

export interface RunningHttpServer {
  url: string
  closed: Promise<void>
}

export async function startHttpServer(runtime: Runtime, port: number): Promise<RunningHttpServer> {
  const database = createApiDatabase(runtime.runtimeUrls.api)
  runtime.shutdown.onShutdown(() => database.close())
  const app = createApp({
    sql: database.sql,
    sqlForKey: (key) => database.forKey(key),
    log: runtime.log,
    version: PRODUCT_VERSION,
    loadTenant: cachedTenantLoader((tenantId) => runtime.loadTenant(tenantId)),
    matchingSessions: createMatchingSessions(),
    clientAddress: (_request, env) => (env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress,
  })
  // The web UI on the same origin (built first when missing or stale; the API answers meanwhile).
  const web = createWebAssets({ log: runtime.log })
  const server = createServer(withWebAssets(getRequestListener(app.fetch), web))
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new Error(`port ${port} is in use; set PORT to another port`) : error,
      ),
    )
    server.listen(port, runtime.env.HOST, resolve)
  })
  const url = `http://${runtime.env.HOST === '0.0.0.0' ? 'localhost' : runtime.env.HOST}:${port}`
  runtime.log.info(`API listening on ${url} (docs: ${url}/api/docs)`)
  void web.ready.then((ok) => ok && runtime.log.info(`web UI on ${url}`))
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  runtime.shutdown.onShutdown(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
  })
  return { url, closed }
}
