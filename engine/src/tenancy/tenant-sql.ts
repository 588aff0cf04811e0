// Database clients that cannot choose their tenant. The API logs in as `revops_app` and each of its
// clients presents one API key at connection start; the job worker logs in as `revops_worker` and each
// job's client presents the job. PostgreSQL's row-level security resolves the tenant from what was
// presented (migration 000013), so a handler, a stage or an injected statement sees that tenant's rows
// only, and cannot switch: there is no setting that names a tenant.
import { type ConnectOptions, connect, type Sql } from '@revops/db'

export interface ApiDatabase {
  /** No tenant: key lookups (through ops.authenticate_api_key) and liveness. Sees no tenant's rows. */
  sql: Sql
  /** The client of one API key: that key's tenant only, while the key is live. */
  forKey(apiKey: string): Sql
  close(): Promise<void>
}

export interface ApiDatabaseOptions extends ConnectOptions {
  /** Keys with a pool at once; the least recently used pool is closed beyond this (default 64). */
  maxKeys?: number
}

/** Clients of the API role (`apiUrl` logs in as `revops_app`), one small pool per key in use. */
export function createApiDatabase(apiUrl: string, options: ApiDatabaseOptions = {}): ApiDatabase {
  const { maxKeys = 64, ...connectOptions } = options
  const sql = connect(apiUrl, { max: 4, applicationName: 'revops-api', ...connectOptions })
  // Insertion order is recency order: a key used again moves to the end.
  const pools = new Map<string, Sql>()
  return {
    sql,
    forKey(apiKey) {
      let pool = pools.get(apiKey)
      if (pool) {
        pools.delete(apiKey)
      } else {
        pool = connect(apiUrl, {
          max: 5,
          applicationName: 'revops-api',
          ...connectOptions,
          parameters: { ...connectOptions.parameters, 'app.api_key': apiKey },
        })
        while (pools.size >= maxKeys) {
          const [oldest, evicted] = pools.entries().next().value as [string, Sql]
          pools.delete(oldest)
          // Queries in flight finish first; a request that still holds it gets a new pool next time.
          void evicted.end({ timeout: 30 })
        }
      }
      pools.set(apiKey, pool)
      return pool
    },
    async close() {
      await Promise.all([...pools.values(), sql].map((client) => client.end({ timeout: 5 })))
      pools.clear()
    },
  }
}

/** The URL of a job's sessions: the worker role's URL presenting the job (postgres.js sends URL
 *  parameters at connection start), so code that opens its own connections stays bound too. */
export function jobDatabaseUrl(workerUrl: string, jobId: string): string {
  const url = new URL(workerUrl)
  url.searchParams.set('app.job_id', jobId)
  return url.toString()
}

/** A client bound to one job's tenant (`workerUrl` logs in as `revops_worker`). */
export function connectForJob(workerUrl: string, jobId: string, options: ConnectOptions = {}): Sql {
  return connect(jobDatabaseUrl(workerUrl, jobId), { max: 5, applicationName: 'revops-job', ...options })
}
