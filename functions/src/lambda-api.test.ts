// The API as AWS Lambda runs it: the handler of lambda-api.ts invoked in-process with function URL and
// API Gateway v2 events against a real PostgreSQL, side by side with the Node server (`npm start`'s
// request listener over real HTTP) for the same requests: the same status, headers that matter and body.
// Then logged in the way a deployed function is: from SST's links (the real `sst` package decrypting
// nothing here, reading SST_RESOURCE_* as it does for linked values), with prepared statements off as
// behind RDS Proxy.
import { createServer, type Server } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { API_ROLE, derivedRolePassword, runtimeRoleUrl, withDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { LOGIN_LINKS, linkedDatabaseUrl, loadTenant, registerTenant } from '@revops/engine/config'
import { silentLogger } from '@revops/engine/shared'
import { createApiDatabase, createApiKey } from '@revops/engine/tenancy'
import { TENANTS_DIR } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { createLambdaApi, type LambdaApi } from './lambda-api.ts'
import { createMatchingSessions } from './matching-sessions.ts'
import { type EventSource, type LambdaRequest, lambdaEvent } from './testing/lambda-events.ts'

const db = useTestDatabase()
let key: string
let lambda: LambdaApi
let server: Server
let nodeUrl: string
let closeNode: () => Promise<void>

interface Answer {
  status: number
  contentType: string | undefined
  body: any
}

async function viaLambda(api: LambdaApi, source: EventSource, request: LambdaRequest): Promise<Answer> {
  const result = (await api.handler(lambdaEvent(source, request), {} as never)) as {
    statusCode: number
    headers: Record<string, string>
    body: string
    isBase64Encoded: boolean
  }
  const text = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('utf8') : result.body
  return { status: result.statusCode, contentType: result.headers['content-type'], body: parse(text) }
}

async function viaNode(request: LambdaRequest): Promise<Answer> {
  const response = await fetch(`${nodeUrl}${request.path}`, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
  })
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    body: parse(await response.text()),
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** What differs between two answers to the same request by nature: ids of the request, timings. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name]) => !['correlation_id', 'processing_time_ms', 'latency_ms'].includes(name))
        .map(([name, inner]) => [name, stable(inner)]),
    )
  }
  return value
}

const auth = () => ({ authorization: `Bearer ${key}` })

beforeAll(async () => {
  const tenant = await loadTenant('demo', {
    tenantsDir: TENANTS_DIR,
    env: {},
    productServerUrl: withDatabase(db.url, 'postgres'),
  })
  await registerTenant(db.sql, tenant.config)
  key = (await createApiKey(db.sql, 'demo', 'lambda-tests')).key
  const apiUrl = runtimeRoleUrl(db.url, API_ROLE)
  lambda = createLambdaApi({ DATABASE_URL: apiUrl, TENANTS_DIR, LOG_LEVEL: 'error' })

  // The Node server as `npm start` composes it (cli/src/services.ts), on a free loopback port.
  const database = createApiDatabase(apiUrl)
  const app = createApp({
    sql: database.sql,
    sqlForKey: (apiKey) => database.forKey(apiKey),
    log: silentLogger,
    version: '0.1.0',
    loadTenant: (tenantId) =>
      loadTenant(tenantId, {
        tenantsDir: TENANTS_DIR,
        env: {},
        productServerUrl: withDatabase(db.url, 'postgres'),
      }),
    matchingSessions: createMatchingSessions(),
  })
  server = createServer(getRequestListener(app.fetch))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  nodeUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  closeNode = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await database.close()
  }
})

afterAll(async () => {
  await lambda?.close()
  await closeNode?.()
})

describe('the API on AWS Lambda', () => {
  const reads: [string, LambdaRequest, number][] = [
    ['public health', { path: '/api/v1/health' }, 200],
    ['a list, with a key', { path: '/api/v1/opportunities?limit=2&side=ace', headers: {} }, 200],
    ['health details, with a key', { path: '/api/v1/health/details', headers: {} }, 200],
    ['no key: the error envelope', { path: '/api/v1/opportunities' }, 401],
    ['an unknown route', { path: '/api/v1/nothing-here', headers: {} }, 404],
    ['a bad query', { path: '/api/v1/opportunities?limit=-3', headers: {} }, 400],
  ]

  for (const source of ['function-url', 'http-api'] as const) {
    for (const [what, request, status] of reads) {
      it(`${source}: ${what} answers as the Node server does`, async () => {
        const withKey = request.headers ? { ...request, headers: { ...request.headers, ...auth() } } : request
        const [fromLambda, fromNode] = [await viaLambda(lambda, source, withKey), await viaNode(withKey)]
        expect(fromLambda.status).toBe(status)
        expect(fromLambda.contentType).toBe(fromNode.contentType)
        expect(stable(fromLambda.body)).toEqual(stable(fromNode.body))
        if (status >= 400) {
          expect(fromLambda.body).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          })
        }
      })
    }
  }

  it('writes with a key: the job it queues is the one the Node server then finds, attributed to the key', async () => {
    const request: LambdaRequest = {
      method: 'POST',
      path: '/api/v1/ingestion/odoo/sync',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'full' }),
      base64: true, // as a function URL may deliver it
    }
    const created = await viaLambda(lambda, 'function-url', request)
    expect(created.status).toBe(202)
    const again = await viaNode(request.base64 ? { ...request, base64: false } : request)
    expect(again.status).toBe(200)
    expect(again.body.data.id).toBe(created.body.data.id)
    expect(stable(again.body)).toEqual(stable(created.body))
    const [job] =
      await db.sql`select kind, requested_by, payload from ops.jobs where job_id = ${created.body.data.id}`
    expect(job).toMatchObject({ kind: 'sync', requested_by: 'lambda-tests' })

    const badBody = await viaLambda(lambda, 'http-api', { ...request, body: '{"mode":', base64: false })
    expect(badBody.status).toBe(400)
    expect(badBody.body.error.code).toBe('validation_failed')
  })

  it('logs in from SST links (endpoint and the API login), not from a plain DATABASE_URL', async () => {
    const url = new URL(db.url)
    const links = {
      SST_RESOURCE_App: JSON.stringify({ name: 'revops-pod', stage: 'test' }),
      SST_RESOURCE_DatabaseEndpoint: JSON.stringify({
        host: url.hostname,
        port: Number(url.port),
        database: db.name,
        tls: false,
      }),
      SST_RESOURCE_DatabaseApiLogin: JSON.stringify({
        username: API_ROLE,
        password: derivedRolePassword(db.url, API_ROLE),
      }),
    }
    // The sst package reads the process's environment, as it does in a function.
    Object.assign(process.env, links)
    const linked = createLambdaApi({
      ...links,
      TENANTS_DIR,
      LOG_LEVEL: 'error',
      DATABASE_PREPARED_STATEMENTS: 'off',
    })
    try {
      const list = await viaLambda(linked, 'function-url', {
        path: '/api/v1/opportunities?limit=1',
        headers: auth(),
      })
      expect(list.status).toBe(200)
      const [who] = await db.sql`
        select count(*)::int as sessions from pg_stat_activity
        where usename = ${API_ROLE} and datname = ${db.name}`
      expect(who!.sessions).toBeGreaterThan(0)
      // A login that is not linked to this function is named, not guessed.
      expect(() => linkedDatabaseUrl(LOGIN_LINKS.worker)).toThrow(/SST link DatabaseWorkerLogin is missing/)
    } finally {
      await linked.close()
      for (const name of Object.keys(links)) delete process.env[name]
    }
  })

  it('refuses to start without a login, naming what is missing', () => {
    expect(() => createLambdaApi({ TENANTS_DIR })).toThrow(/DATABASE_URL/)
  })
})
