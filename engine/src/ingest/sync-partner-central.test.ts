import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadTenantFromText } from '../config/testing/tenant-from-text.ts'
import { recordFromApnRow } from '../partner-central/apn-fields.ts'
import {
  FAKE_PARTNER_CENTRAL_CREDENTIALS,
  FakePartnerCentral,
} from '../partner-central/fake/fake-partner-central.ts'
import { silentLogger } from '../shared/logger.ts'
import { syncSources } from './sync-sources.ts'

const db = useTestDatabase()
let fake: FakePartnerCentral

const tenantYaml = (catalog: string) => `
tenant_id: acme
display_name: Acme
sources:
  ace:
    kind: partnercentral
    catalog: ${catalog}
    page_size: 10
    budget: { reads_per_second: 10 }
`

const opportunity = (n: number, modified: string) =>
  recordFromApnRow(
    {
      id: `O${1000 + n}`,
      name: `Customer ${n}`,
      partner_project_title: `Project ${n}`,
      opportunity_ownership: n % 2 ? 'Partner Referral' : 'AWS Referral',
      aws_account: String(100000000000 + n),
      stage_name: 'Qualified',
      status: 'Approved',
      aws_create_date: '2026-01-01T00:00:00Z',
      aws_last_modified_date: modified,
    },
    null,
    'Sandbox',
  )

const sync = async (
  mode: 'incremental' | 'full' = 'incremental',
  catalog = 'Sandbox',
  signal?: AbortSignal,
) => {
  const tenant = loadTenantFromText(tenantYaml(catalog), { PARTNER_CENTRAL_ENDPOINT: fake.endpoint })
  return syncSources({ productUrl: db.url, tenant, mode, log: silentLogger, signal }).then(
    (report) => report.tables[0]!,
    (error: Error) => error,
  )
}
const rawIds = async () =>
  (
    await db.sql<{ source_pk: string }[]>`
      select source_pk from raw.source_rows where tenant_id = 'acme' and source = 'ace' and table_name = 'opportunity'
        and deleted_at is null order by 1`
  ).map((r) => r.source_pk)
const gets = () => fake.requests.filter((r) => r.operation === 'GetOpportunity').length

beforeAll(async () => {
  await db.sql`insert into ops.tenants (tenant_id, display_name) values ('acme', 'Acme')`
  fake = await FakePartnerCentral.start()
  vi.stubEnv('AWS_ACCESS_KEY_ID', FAKE_PARTNER_CENTRAL_CREDENTIALS.accessKeyId)
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_PARTNER_CENTRAL_CREDENTIALS.secretAccessKey)
  for (let n = 1; n <= 25; n++)
    fake.put('Sandbox', opportunity(n, `2026-02-${String(n).padStart(2, '0')}T12:00:00.000Z`))
  fake.put('AWS', { ...opportunity(99, '2026-03-01T00:00:00Z') })
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await fake.close()
})

beforeEach(() => {
  ;(fake.requests as unknown[]).length = 0
})

describe('the Selling API source', () => {
  it('reads every opportunity page by page, signed, within the read budget, whole records into RAW', async () => {
    const result = await sync()
    expect(result).toMatchObject({ status: 'succeeded', pass: 'full', rowsRead: 25, inserted: 25 })
    expect(await rawIds()).toHaveLength(25)
    expect(fake.requests.filter((r) => r.operation === 'ListOpportunities')).toHaveLength(3)
    expect(fake.requests.every((r) => r.signatureValid && r.catalog === 'Sandbox')).toBe(true)
    const times = fake.requests.map((r) => r.at)
    const mostInOneSecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length))
    expect(mostInOneSecond).toBeLessThanOrEqual(11)
    const [row] = await db.sql<{ doc: Record<string, any>; watermark: Date }[]>`
      select doc, watermark from raw.source_rows where tenant_id = 'acme' and source_pk = 'O1001'`
    expect(row!.doc.opportunity.Project.Title).toBe('Project 1')
    expect(row!.doc.awsSummary.Origin).toBe('Partner Referral')
    expect(row!.watermark.toISOString()).toBe('2026-02-01T12:00:00.000Z')
  })

  it('then reads only what changed since AWS’s own watermark', async () => {
    fake.modify('Sandbox', 'O1003', (r) => {
      r.opportunity.Project!.Title = 'Project 3, phase 2'
    })
    const result = await sync()
    expect(result).toMatchObject({ status: 'succeeded', pass: 'incremental', updated: 1 })
    // The newest record comes back ("on or after") but is not read again.
    expect(gets()).toBe(1)
    const [row] = await db.sql<{ title: string }[]>`
      select doc->'opportunity'->'Project'->>'Title' as title from raw.source_rows where source_pk = 'O1003'`
    expect(row!.title).toBe('Project 3, phase 2')
  })

  it('backs off when throttled and still finishes', async () => {
    fake.modify('Sandbox', 'O1004', (r) => {
      r.opportunity.Project!.Title = 'renamed'
    })
    fake.faults.throttle(2, 'GetOpportunity')
    const result = await sync()
    expect(result).toMatchObject({ status: 'succeeded', updated: 1 })
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(2)
  })

  it('fails the run with a clear message on a malformed answer, losing nothing, and recovers', async () => {
    fake.modify('Sandbox', 'O1005', (r) => {
      r.opportunity.Project!.Title = 'after the garbled answer'
    })
    fake.faults.malform(1, 'ListOpportunities')
    const failed = await sync()
    expect(failed).toBeInstanceOf(Error)
    expect(String(failed)).toMatch(
      /ListOpportunities at Partner Central \(ace, catalog Sandbox\): a malformed answer/,
    )
    const [run] = await db.sql<{ status: string; message: string }[]>`
      select status, message from ops.sync_runs where tenant_id = 'acme' order by sync_run_id desc limit 1`
    expect(run).toMatchObject({ status: 'failed', message: expect.stringMatching(/malformed answer/) })
    expect(await rawIds()).toHaveLength(25)
    expect(await sync()).toMatchObject({ status: 'succeeded', updated: 1 })
  })

  it('resumes an interrupted read where its last committed page ended', async () => {
    for (const n of [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])
      fake.modify('Sandbox', `O${1000 + n}`, (r) => {
        r.opportunity.Project!.Title = `changed ${n}`
      })
    const stop = new AbortController()
    const tenant = loadTenantFromText(tenantYaml('Sandbox'), { PARTNER_CENTRAL_ENDPOINT: fake.endpoint })
    const first = await syncSources({
      productUrl: db.url,
      tenant,
      mode: 'incremental',
      log: silentLogger,
      signal: stop.signal,
      onProgress: () => stop.abort(),
    })
    // The first page: the record at the stored watermark ("on or after", unchanged) and 9 changed ones.
    expect(first.tables[0]).toMatchObject({ status: 'interrupted', updated: 9 })
    const second = await sync()
    expect(second).toMatchObject({ status: 'succeeded', updated: 3 })
    // Every changed record was read once over the two runs.
    expect(gets()).toBe(12)
  })

  it('notices opportunities no longer visible on a full run (reconcile)', async () => {
    fake.hide('Sandbox', 'O1007')
    expect(await sync()).toMatchObject({ status: 'succeeded', deleted: 0 })
    expect(await sync('full')).toMatchObject({ status: 'succeeded', pass: 'full', deleted: 1 })
    expect(await rawIds()).not.toContain('O1007')
  })

  it('reads the catalog it is told (the AWS catalog is another world)', async () => {
    await db.sql`delete from raw.source_rows where tenant_id = 'acme'`
    await db.sql`delete from raw.source_columns where tenant_id = 'acme'`
    await db.sql`delete from raw.source_tables where tenant_id = 'acme'`
    expect(await sync('incremental', 'AWS')).toMatchObject({ status: 'succeeded', inserted: 1 })
    expect(await rawIds()).toEqual(['O1099'])
  })

  it('stops the source with source_unavailable when Partner Central refuses the credentials', async () => {
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'not-the-secret')
    try {
      await expect(sync()).resolves.toMatchObject({
        name: 'SourceUnavailableError',
        message: expect.stringMatching(/refused the credentials: InvalidSignatureException/),
      })
      expect(fake.requests.at(-1)).toMatchObject({ signatureValid: false, status: 403 })
    } finally {
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', FAKE_PARTNER_CENTRAL_CREDENTIALS.secretAccessKey)
    }
  })

  it('stops the source with source_unavailable when Partner Central cannot be reached', async () => {
    const tenant = loadTenantFromText(tenantYaml('Sandbox'), {
      PARTNER_CENTRAL_ENDPOINT: 'http://127.0.0.1:9',
    })
    await expect(
      syncSources({ productUrl: db.url, tenant, mode: 'incremental', log: silentLogger }),
    ).rejects.toThrow(/unreachable/)
  })
})
