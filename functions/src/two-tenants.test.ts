import { readFileSync } from 'node:fs'
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { useTestDatabase } from '@revops/db/testing'
import type { Tenant } from '@revops/engine/config'
import { evaluateDecisions } from '@revops/engine/decisions'
import { enqueueJob } from '@revops/engine/ops'
import { reportStage } from '@revops/engine/reports'
import { stageContext } from '@revops/engine/stage'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './testing/test-app.ts'

// Two tenants on one database and one tenants folder: `other` is a copy of the demo tenant's folder with
// its own id (as an operator adding a customer would make it), with data of its own. Every operation of
// the contract is called with other's key on the demo tenant's identifiers; nothing of demo's is shown,
// changed or reached, its files included.
const db = useTestDatabase()
let fixture: DecisionsFixture
let demo: TestApp
let other: TestApp
let otherTenant: Tenant
const exercised = new Set<string>()
/** Strings only the demo tenant's data contains: its ACE ids and customer names. */
let demoMarkers: string[] = []
let ids: {
  decision: string
  decisionEtag: string
  ace: string
  write: string
  match: string
  matchEtag: string
  opportunity: string
  job: string
  customer: string
  account: string
  report: string
}

const operations: string[] = Object.entries(
  JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')).paths,
).flatMap(([route, methods]) =>
  Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${route}`),
)

/** Calls as the other tenant, recording which operation of the contract it exercised. */
async function asOther(operation: string, url: string, init: Parameters<TestApp['call']>[1] = {}) {
  exercised.add(operation)
  const [method] = operation.split(' ')
  const response = await other.call(url, { ...init, method })
  const text = JSON.stringify(response.body)
  // What the request itself said may be echoed back ("no opportunity X"); anything else of demo's may not.
  const asked = `${decodeURIComponent(url)} ${JSON.stringify(init.json ?? '')}`
  for (const marker of demoMarkers.filter((m) => !asked.includes(m)))
    expect(text, `${operation} ${url} shows ${marker}`).not.toContain(marker)
  return response
}

async function demoState() {
  const [row] = await db.sql`
    select (select count(*)::int from ops.decisions where tenant_id = 'demo') as decisions,
           (select count(*)::int from ops.decision_reviews where tenant_id = 'demo') as reviews,
           (select count(*)::int from match.reviews where tenant_id = 'demo') as match_reviews,
           (select count(*)::int from ops.ruleset_versions where tenant_id = 'demo') as versions,
           (select count(*)::int from ops.jobs where tenant_id = 'demo') as jobs,
           (select count(*)::int from ops.audit_events where tenant_id = 'demo') as events,
           (select string_agg(write_id || status, ',') from ops.partner_central_writes where tenant_id = 'demo') as writes,
           (select string_agg(report_id || period || md5(csv) || md5(html), ',') from ops.reports where tenant_id = 'demo') as reports,
           (select md5(string_agg(candidate_id::text || selected::text || band, ',' order by candidate_id))
              from match.candidates where tenant_id = 'demo') as links`
  return row
}

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, {
    size: { companies: 30, odooOpportunities: 60, aceOpportunities: 50, billingMonths: 3 },
  })
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  demo = await createTestApp(db.sql, db.url, fixture.tenant)

  // The other tenant: the demo folder copied, its own id and a threshold of its own in its rules.
  const otherDir = path.join(path.dirname(fixture.tenant.dir), `${path.basename(fixture.tenant.dir)}-other`)
  await cp(fixture.tenant.dir, otherDir, { recursive: true })
  const podFile = path.join(otherDir, 'rules', 'pod.yaml')
  await writeFile(
    podFile,
    (await readFile(podFile, 'utf8')).replace('spend_threshold: 5000', 'spend_threshold: 7777'),
  )
  otherTenant = { ...fixture.tenant, dir: otherDir, config: { ...fixture.tenant.config, tenant_id: 'other' } }
  await db.sql`insert into ops.tenants values ('other', 'Other')`
  await db.sql`
    insert into core.ace_opportunities (tenant_id, ace_id, customer_name, title, aws_account_id_status, raw_pk)
    values ('other', 'O9990001', 'Zebra Unrelated Ltd', 'Other deal', 'missing', 'O9990001')`
  other = await createTestApp(db.sql, db.url, otherTenant, { keyName: 'other-key' })

  const [decision] = (await demo.call('/api/v1/decisions?limit=1')).body.data.items
  const [match] = (await demo.call(`/api/v1/matches?limit=1`)).body.data
  const { job } = await enqueueJob(db.sql, { tenantId: 'demo', kind: 'sync', payload: { mode: 'full' } })
  const [write] = await db.sql<{ write_id: string }[]>`
    insert into ops.partner_central_writes (tenant_id, source, catalog, ace_id, lead_id, reason, status, mode)
    values ('demo', 'ace', 'Sandbox', ${decision.ace_id}, '4711', 'confirmed', 'pending_approval', 'live')
    returning write_id::text`
  // The demo tenant's monthly report, with a person's approval in it so its work list is not empty.
  await db.sql`
    insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
    values ('demo', ${decision.decision_id}, ${decision.ace_id}, 'approve', 'fine', 'demo-reviewer')`
  const report = await reportStage.run(
    stageContext({ tenant: fixture.tenant, sql: db.sql, url: db.url, asOf: AS_OF }),
    {},
  )
  const [account] = await db.sql<{ account_ref: string; company_id: string }[]>`
    select account_ref::text, company_id::text from core.aws_accounts where tenant_id = 'demo' and company_id is not null limit 1`
  ids = {
    decision: decision.decision_id,
    decisionEtag: decision.etag,
    ace: decision.ace_id,
    write: write!.write_id,
    match: match.id,
    matchEtag: match.etag,
    opportunity: `ace:${decision.ace_id}`,
    job: job.jobId,
    customer: account!.company_id,
    account: account!.account_ref,
    report: report.report_id,
  }
  const rows = await db.sql<{ ace_id: string; customer_name: string | null }[]>`
    select ace_id, customer_name from core.ace_opportunities where tenant_id = 'demo'`
  demoMarkers = [
    ...rows.map((row) => row.ace_id),
    ...rows.map((row) => row.customer_name).filter((name): name is string => (name?.length ?? 0) > 8),
    'spend_threshold: 5000',
  ]
}, 180_000)
afterAll(async () => {
  await demo?.close()
  await other?.close()
  await fixture?.dispose()
})

describe('two tenants', () => {
  it("never shows, changes or reaches the other tenant's rows or files, on any operation", async () => {
    const before = await demoState()
    const status = async (operation: string, url: string, init?: Parameters<TestApp['call']>[1]) =>
      (await asOther(operation, url, init)).status

    expect(
      (await asOther('GET /api/v1/health', '/api/v1/health', { key: null })).body.data,
    ).not.toHaveProperty('last_sync')
    expect(
      (await asOther('GET /api/v1/health/details', '/api/v1/health/details')).body.data.jobs,
    ).toMatchObject({
      queued: 0,
    })

    // Lists: only the other tenant's rows, whatever the filter names.
    const lists = [
      ['GET /api/v1/opportunities', `/api/v1/opportunities?q=${ids.ace}`],
      ['GET /api/v1/jobs', '/api/v1/jobs'],
      ['GET /api/v1/matches', `/api/v1/matches?ace_id=${ids.ace}`],
      ['GET /api/v1/decisions', `/api/v1/decisions?q=${ids.ace}`],
      ['GET /api/v1/audit', `/api/v1/audit?subject_id=${ids.ace}`],
      ['GET /api/v1/dashboard', '/api/v1/dashboard'],
      ['GET /api/v1/billing/accounts', '/api/v1/billing/accounts'],
      ['GET /api/v1/billing/summary', '/api/v1/billing/summary'],
      ['GET /api/v1/billing/timeseries', '/api/v1/billing/timeseries'],
      ['GET /api/v1/billing/breakdown', '/api/v1/billing/breakdown?group_by=account'],
      ['GET /api/v1/rules/{ruleset}/versions', '/api/v1/rules/pod/versions'],
      ['GET /api/v1/write-backs', `/api/v1/write-backs?ace_id=${ids.ace}`],
      ['GET /api/v1/schedules', '/api/v1/schedules'],
      ['GET /api/v1/reports', '/api/v1/reports'],
      ['GET /api/v1/ace-work-list', `/api/v1/ace-work-list?as_of=${AS_OF}`],
      ['GET /api/v1/notifications', '/api/v1/notifications'],
    ] as const
    for (const [operation, url] of lists) expect(await status(operation, url), url).toBe(200)
    expect((await asOther('GET /api/v1/jobs', '/api/v1/jobs')).body.data).toEqual([])
    // The demo tenant's customers and accounts are not even known to the other tenant.
    for (const selection of [`customers=${ids.customer}`, `accounts=${ids.account}`]) {
      const response = await asOther('GET /api/v1/billing/summary', `/api/v1/billing/summary?${selection}`)
      expect(response).toMatchObject({
        status: 400,
        body: { error: { message: expect.stringMatching(/unknown/) } },
      })
    }

    // One record by the demo tenant's id: not found.
    const reads = [
      ['GET /api/v1/opportunities/{id}', `/api/v1/opportunities/${ids.opportunity}`],
      ['GET /api/v1/jobs/{id}', `/api/v1/jobs/${ids.job}`],
      ['GET /api/v1/decisions/{id}', `/api/v1/decisions/${ids.decision}`],
      ['GET /api/v1/audit/opportunities/{ace_id}', `/api/v1/audit/opportunities/${ids.ace}`],
      ['GET /api/v1/rules/{ruleset}/diff', '/api/v1/rules/pod/diff?from=1&to=1'],
      ['GET /api/v1/reports/{id}/csv', `/api/v1/reports/${ids.report}/csv`],
      ['GET /api/v1/reports/{id}/html', `/api/v1/reports/${ids.report}/html`],
    ] as const
    for (const [operation, url] of reads) expect(await status(operation, url), url).toBe(404)

    // Changes aimed at the demo tenant's records, with the state the demo tenant's reviewer saw.
    const writes = [
      ['PUT /api/v1/decisions/{id}/approve', `/api/v1/decisions/${ids.decision}/approve`, ids.decisionEtag],
      ['PUT /api/v1/decisions/{id}/reject', `/api/v1/decisions/${ids.decision}/reject`, ids.decisionEtag],
      ['PUT /api/v1/matches/{id}/confirm', `/api/v1/matches/${ids.match}/confirm`, ids.matchEtag],
      ['PUT /api/v1/matches/{id}/reject', `/api/v1/matches/${ids.match}/reject`, ids.matchEtag],
    ] as const
    for (const [operation, url, etag] of writes) {
      const response = await asOther(operation, url, {
        json: { note: 'not mine' },
        headers: { 'if-match': `"${etag}"` },
      })
      expect(response.status, url).toBe(404)
    }
    const approve = await asOther('POST /api/v1/write-backs/approve', '/api/v1/write-backs/approve', {
      json: { write_ids: [ids.write] },
    })
    expect(approve.body.data).toEqual({ approved: [], not_approved: [ids.write], job: null })
    expect((await asOther('GET /api/v1/write-backs', '/api/v1/write-backs')).body.data.items).toEqual([])
    expect((await asOther('GET /api/v1/reports', '/api/v1/reports')).body.data.items).toEqual([])
    const workList = await asOther('GET /api/v1/ace-work-list', `/api/v1/ace-work-list?as_of=${AS_OF}`)
    expect(workList.body.data).toMatchObject({ approved: 0, items: [] })
    expect((await demo.call(`/api/v1/ace-work-list?as_of=${AS_OF}`)).body.data.approved).toBe(1)
    const generate = await asOther('POST /api/v1/matching/generate', '/api/v1/matching/generate', {
      json: { ace_id: ids.ace },
    })
    expect(generate.status).toBe(404)

    // File-backed: the other tenant reads and changes its own rules folder and versions only.
    const config = await asOther('GET /api/v1/rules/{ruleset}/config', '/api/v1/rules/pod/config')
    expect(config.body.data).toMatchObject({ version: null })
    expect(config.body.data.yaml).toContain('spend_threshold: 7777')
    for (const name of ['..%2F..%2Fdemo%2Frules%2Fpod', '..', 'pod.yaml'])
      expect(
        await status('GET /api/v1/rules/{ruleset}/config', `/api/v1/rules/${name}/config`),
      ).toBeGreaterThanOrEqual(400)
    const traversal = await asOther('POST /api/v1/decisions/evaluate', '/api/v1/decisions/evaluate', {
      json: { ruleset: `../../${path.basename(fixture.tenant.dir)}/rules/pod` },
    })
    expect(traversal.status).toBe(400)
    const simulated = await asOther('POST /api/v1/rules/{ruleset}/simulate', '/api/v1/rules/pod/simulate', {
      json: { yaml: config.body.data.yaml, as_of: AS_OF },
    })
    expect(simulated.status).toBe(200)
    expect(simulated.body.data.evaluated).toBe(1)
    const published = await asOther('PUT /api/v1/rules/{ruleset}/config', '/api/v1/rules/pod/config', {
      json: { yaml: config.body.data.yaml },
    })
    expect(published.status).toBe(201)
    expect(published.body.data).toMatchObject({ version: 1, author: 'other-key' })
    const evaluate = await asOther('POST /api/v1/decisions/evaluate', '/api/v1/decisions/evaluate', {
      json: { ace_ids: [ids.ace] },
    })
    expect(evaluate.status).toBe(202)
    const sync = await asOther('POST /api/v1/ingestion/{source}/sync', '/api/v1/ingestion/all/sync', {
      json: {},
    })
    expect(sync.status).toBe(202)
    const made = await asOther('POST /api/v1/reports', '/api/v1/reports', { json: { period: '2026-10' } })
    expect(made.status).toBe(202)
    const queued = await db.sql<{ tenant_id: string; requested_by: string }[]>`
      select tenant_id, requested_by from ops.jobs
      where job_id = any(${[evaluate.body.data.id, sync.body.data.id, made.body.data.id]})`
    expect(queued).toEqual([
      { tenant_id: 'other', requested_by: 'other-key' },
      { tenant_id: 'other', requested_by: 'other-key' },
      { tenant_id: 'other', requested_by: 'other-key' },
    ])

    // Nothing of the demo tenant's changed, and its own key still sees all of it.
    expect(await demoState()).toEqual(before)
    const own = await demo.call('/api/v1/rules/pod/config')
    expect(own.body.data).toMatchObject({ version: 1 })
    expect(own.body.data.yaml).toContain('spend_threshold: 5000')
    expect((await demo.call(`/api/v1/decisions/${ids.decision}`)).status).toBe(200)
    expect((await demo.request(`/api/v1/reports/${ids.report}/html`)).status).toBe(200)

    // Every operation of the contract was tried.
    expect([...operations].filter((operation) => !exercised.has(operation))).toEqual([])
  })
})
