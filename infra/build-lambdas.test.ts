// The Lambda bundles as deployed (npm run build:lambdas), loaded from their own folder and invoked with
// function URL events against a real PostgreSQL: the API answers health, its docs (Swagger UI's files
// shipped beside it), a list and a write with a key, and publishes a ruleset through the sandbox's
// worker thread started from the bundle; the operations function migrates an empty database from the
// migrations shipped beside it. No native addon is in either bundle.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { API_ROLE, runtimeRoleUrl, WORKER_ROLE, withDatabase } from '@revops/db'
import { createTestDatabase, dropTestDatabase, type TestDatabase, useTestDatabase } from '@revops/db/testing'
import { loadTenant, registerTenant } from '@revops/engine/config'
import { createApiKey } from '@revops/engine/tenancy'
import { lambdaEvent } from '@revops/functions/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltLambda, buildLambdas, ROOT } from './build-lambdas.ts'

const db = useTestDatabase()
let outDir: string
let built: Record<string, BuiltLambda>
const savedEnv = { ...process.env }

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'revops-lambdas-'))
  built = Object.fromEntries((await buildLambdas(outDir)).map((lambda) => [lambda.name, lambda]))
}, 120_000)

afterAll(async () => {
  process.env = savedEnv
  await rm(outDir, { recursive: true, force: true })
})

type Handler = (event: unknown, context?: unknown) => Promise<any>

/** Imports a bundle's handler as Lambda does: its folder is the working directory's equivalent. */
async function loadHandler(name: string, env: Record<string, string>): Promise<Handler> {
  Object.assign(process.env, env)
  const module = await import(pathToFileURL(path.join(built[name]!.dir, 'index.mjs')).href)
  return module.handler
}

async function call(handler: Handler, request: Parameters<typeof lambdaEvent>[1]) {
  const result = await handler(lambdaEvent('function-url', request), {})
  const text = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString() : result.body
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: result.statusCode as number, headers: result.headers as Record<string, string>, body }
}

describe('the Lambda bundles', () => {
  it('hold no native addon and stay small', async () => {
    for (const lambda of Object.values(built)) {
      const files = await readdir(lambda.dir, { recursive: true })
      expect(files.filter((file) => file.endsWith('.node'))).toEqual([])
      // Lambda's limit is 250 MB unzipped; these are a few MB.
      expect(lambda.bytes).toBeLessThan(40e6)
    }
  })

  it('the API bundle serves health, docs, a list, a write and a ruleset through the sandbox thread', async () => {
    const serverUrl = withDatabase(db.url, 'postgres')
    const tenant = await loadTenant('demo', {
      tenantsDir: path.join(ROOT, 'tenants'),
      env: {},
      productServerUrl: serverUrl,
    })
    await registerTenant(db.sql, tenant.config)
    const { key } = await createApiKey(db.sql, 'demo', 'bundle-tests')
    const handler = await loadHandler('api', {
      DATABASE_URL: runtimeRoleUrl(db.url, API_ROLE),
      TENANTS_DIR: path.join(built.api!.dir, 'tenants'),
      LOG_LEVEL: 'error',
    })
    const auth = { authorization: `Bearer ${key}` }

    expect((await call(handler, { path: '/api/v1/health' })).body.data.database.ok).toBe(true)
    const docs = await call(handler, { path: '/api/docs' })
    expect(docs.body).toContain('swagger-ui-bundle.js')
    const asset = await call(handler, { path: '/api/docs/assets/swagger-ui.css' })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/text\/css/)
    const list = await call(handler, { path: '/api/v1/opportunities?limit=1', headers: auth })
    expect(list.status).toBe(200)
    const write = await call(handler, {
      method: 'POST',
      path: '/api/v1/ingestion/apn/sync',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(write.status).toBe(202)

    const yaml = await readFile(path.join(built.api!.dir, 'tenants/demo/rules/pod.yaml'), 'utf8')
    const put = (text: string) =>
      call(handler, {
        method: 'PUT',
        path: '/api/v1/rules/pod/config',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ yaml: text }),
      })
    const published = await put(yaml)
    expect(published.status).toBeLessThan(300)
    const broken = await put(`${yaml}\n  - id: [unclosed`)
    expect(broken.status).toBe(400)
  })

  it('the operations bundle migrates an empty database from the migrations it carries', async () => {
    let empty: TestDatabase | undefined
    try {
      empty = await createTestDatabase({ empty: true })
      const handler = await loadHandler('ops', {
        DATABASE_URL: empty.url,
        API_DATABASE_URL: runtimeRoleUrl(empty.url, API_ROLE),
        WORKER_DATABASE_URL: runtimeRoleUrl(empty.url, WORKER_ROLE),
        TENANTS_DIR: path.join(built.ops!.dir, 'tenants'),
      })
      const result = await handler({ action: 'migrate' })
      expect(result.applied.length).toBeGreaterThan(10)
      expect(result.tenants).toEqual(['demo', 'demo-pc'])
      expect((await handler({ action: 'schedule', kind: 'pipeline' })).jobs).toHaveLength(2)
    } finally {
      if (empty) await dropTestDatabase(empty)
    }
  })
})
