// The report routes: the kept reports newest first without their bodies, a report made now (the job,
// with the period fixed when asked), and each report's CSV (an attachment named after its period) and
// HTML (a page that may fetch and run nothing); ids are strict integers, another tenant's are 404.
import { useTestDatabase } from '@revops/db/testing'
import { todayIso } from '@revops/engine/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const db = useTestDatabase()
const app = useTestApp(db)
const ids: Record<string, string> = {}

const summary = (period: string, approved: number) => ({
  kind: 'pod_monthly',
  period,
  as_of: `${period}-28`,
  counts: {
    total: approved,
    approved,
    approved_by_rules: approved,
    approved_by_person: 0,
    in_review: 0,
    rejected: 0,
    rejected_by_rules: 0,
    rejected_by_person: 0,
  },
  monthly_spend_at_stake: { currency: 'USD', approved: '1000.50', in_review: '0', without_spend: 0 },
  spend_checks: { below: approved, at_or_above: 0, not_checked: 0 },
  spend_thresholds: { 'pod v1': 5000 },
  changes: 0,
  previous_report: null,
})

beforeAll(async () => {
  for (const [name, tenant, period, approved] of [
    ['september', 'acme', '2026-09', 1],
    ['october', 'acme', '2026-10', 2],
    ['octoberAgain', 'acme', '2026-10', 3],
    ['others', 'other', '2026-10', 9],
  ] as const) {
    const [row] = await db.sql<{ report_id: string }[]>`
      insert into ops.reports (tenant_id, kind, period, as_of, requested_by, summary, snapshot, csv, html)
      values (${tenant}, 'pod_monthly', ${period}, ${`${period}-28`}, 'schedule:monthly-report',
              ${db.sql.json(summary(period, approved))}, '{}',
              ${`section,ace_id\r\napproved,O-${name}\r\n`}, ${`<!doctype html><title>${name}</title>`})
      returning report_id::text`
    ids[name] = row!.report_id
  }
})

describe('GET /api/v1/reports', () => {
  it('lists the tenant’s reports newest first, with their summaries and without their bodies', async () => {
    const { status, body } = await app.call('/api/v1/reports')
    expect(status).toBe(200)
    expect(body.data.items.map((r: any) => r.report_id)).toEqual([
      ids.octoberAgain,
      ids.october,
      ids.september,
    ])
    expect(body.data.items[0]).toEqual({
      report_id: ids.octoberAgain,
      kind: 'pod_monthly',
      period: '2026-10',
      as_of: '2026-10-28',
      job_id: null,
      requested_by: 'schedule:monthly-report',
      created_at: expect.any(String),
      summary: summary('2026-10', 3),
    })
    expect(body.data.next_cursor).toBeNull()
    const page = await app.call('/api/v1/reports?limit=2')
    expect(page.body.data.next_cursor).toBe(ids.october)
    const next = await app.call(`/api/v1/reports?limit=2&cursor=${page.body.data.next_cursor}`)
    expect(next.body.data.items.map((r: any) => r.report_id)).toEqual([ids.september])
  })

  it('refuses a cursor or limit that is not a whole number', async () => {
    for (const query of ['cursor=1.5', 'cursor=abc', 'limit=0', 'limit=1e2', 'limit=201']) {
      const { status, body } = await app.call(`/api/v1/reports?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('validation_failed')
    }
  })
})

describe('POST /api/v1/reports', () => {
  it('queues the report job for the month asked, as of today, and reuses it while it waits', async () => {
    const first = await app.call('/api/v1/reports', { method: 'POST', json: { period: '2026-10' } })
    expect(first.status).toBe(202)
    expect(first.body.data).toMatchObject({
      kind: 'report',
      status: 'queued',
      requested_by: 'tests',
      payload: { period: '2026-10', asOf: todayIso() },
    })
    const again = await app.call('/api/v1/reports', { method: 'POST', json: { period: '2026-10' } })
    expect(again.status).toBe(200)
    expect(again.body.data.id).toBe(first.body.data.id)
  })

  it('without a period, reports the month of yesterday', async () => {
    const { status, body } = await app.call('/api/v1/reports', { method: 'POST' })
    expect(status).toBe(202)
    const yesterday = new Date(`${todayIso()}T00:00:00Z`)
    yesterday.setUTCDate(yesterday.getUTCDate() - 1)
    expect(body.data.payload).toEqual({ period: yesterday.toISOString().slice(0, 7), asOf: todayIso() })
  })

  it('refuses a month that is not one, has not started, or a field it does not know', async () => {
    for (const json of [
      { period: '2026-13' },
      { period: '2026-1' },
      { period: '2999-01' },
      { month: '2026-10' },
    ]) {
      const { status, body } = await app.call('/api/v1/reports', { method: 'POST', json })
      expect(status, JSON.stringify(json)).toBe(400)
      expect(body.error.code).toBe('validation_failed')
    }
    const future = await app.call('/api/v1/reports', { method: 'POST', json: { period: '2999-01' } })
    expect(future.body.error.message).toMatch(/period 2999-01 has not started/)
  })
})

describe('GET /api/v1/reports/{id}/csv and /html', () => {
  it('answers the CSV as an attachment named after its period', async () => {
    const response = await app.request(`/api/v1/reports/${ids.october}/csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pod-report_2026-10.csv"')
    expect(await response.text()).toBe('section,ace_id\r\napproved,O-october\r\n')
  })

  it('answers the HTML page with a policy that lets it fetch and run nothing', async () => {
    const response = await app.request(`/api/v1/reports/${ids.september}/html`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<!doctype html><title>september</title>')
  })

  it('is 404 for another tenant’s report or none, and 400 for an id that is not a whole number', async () => {
    for (const format of ['csv', 'html']) {
      for (const id of [ids.others, '987654']) {
        const { status, body } = await app.call(`/api/v1/reports/${id}/${format}`)
        expect(status, `${format} ${id}`).toBe(404)
        expect(body.error.code).toBe('not_found')
      }
      for (const id of ['1.5', 'abc', '-1', '1e3', '0x10', '9999999999999999999']) {
        const { status, body } = await app.call(`/api/v1/reports/${id}/${format}`)
        expect(status, `${format} ${id}`).toBe(400)
        expect(body.error.code).toBe('validation_failed')
      }
    }
    expect((await app.call(`/api/v1/reports/${ids.october}/csv`, { key: null })).status).toBe(401)
  })
})
