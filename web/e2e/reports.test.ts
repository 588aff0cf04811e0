/// <reference lib="dom" />
// Browser tests of the Reports page (Chromium, the real server on demo data decided as of AS_OF). No job
// worker runs here: when the page queues a report, the test does the worker's part (the `report` stage
// over the job, then the job marked done) and the page, which follows the job, shows the kept report.
// The tests run in order: the first sees no report, the next ones make some.
import { readFile } from 'node:fs/promises'
import { runtimeRoleUrl, WORKER_ROLE } from '@revops/db'
import { getJob, markJobSucceeded } from '@revops/engine/ops'
import { reportStage } from '@revops/engine/reports'
import { stageContext } from '@revops/engine/stage'
import { connectForJob, jobDatabaseUrl } from '@revops/engine/tenancy'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, NO_CHROMIUM, screenshot, screenshotOf } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { db, openSignedIn } = session
const TENANT = 'demo'

const rows = (page: Page) => page.getByTestId('report-row')

/**
 * The worker's part: the newest queued report job of the demo tenant, run as the job worker runs it (as
 * revops_worker, bound to the job, so the report is attributed to whoever queued it) and marked done.
 */
async function runQueuedReport(): Promise<{ jobId: string; reportId: string; period: string }> {
  const [queued] = await db.sql<{ job_id: string; payload: { period: string; asOf: string } }[]>`
    select job_id::text, payload from ops.jobs
    where tenant_id = ${TENANT} and kind = 'report' and status = 'queued' order by created_at desc limit 1`
  if (!queued) throw new Error('no report job was queued')
  const workerUrl = jobDatabaseUrl(runtimeRoleUrl(db.url, WORKER_ROLE), queued.job_id)
  const sql = connectForJob(runtimeRoleUrl(db.url, WORKER_ROLE), queued.job_id, { max: 2 })
  try {
    const result = await reportStage.run(
      stageContext({
        tenant: session.server.fixture.tenant,
        sql,
        url: workerUrl,
        asOf: queued.payload.asOf,
        jobId: queued.job_id,
      }),
      { period: queued.payload.period },
    )
    await markJobSucceeded(sql, queued.job_id, result)
    return { jobId: queued.job_id, reportId: result.report_id, period: result.period }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

describe.skipIf(!hasChromium)(hasChromium ? 'the Reports page in Chromium' : NO_CHROMIUM, () => {
  it('says how reports are made while there is none', async () => {
    const { page, errors } = await openSignedIn('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Reports' }).click()
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/reports')
    expect(await nav.getByRole('link', { name: 'Reports' }).getAttribute('aria-current')).toBe('page')
    const empty = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'No reports yet' }) })
    await empty.waitFor()
    for (const words of ['task: report', 'tenant.yaml', 'Make report now'])
      expect(await empty.textContent()).toContain(words)
    await screenshot(page, 'reports-empty', { fullPage: false })
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('makes a report for the month chosen and lists it once the job has kept it', async () => {
    const { page, errors } = await openSignedIn('/reports')
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor()
    // It proposes the month of yesterday (on the 1st, the month that just ended), as the API does.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 7)
    expect(await page.getByLabel('Month to report').inputValue()).toBe(yesterday)
    await page.getByLabel('Month to report').fill('2026-10')
    await page.getByRole('button', { name: 'Make report now' }).click()
    const status = page.getByTestId('make-report-status')
    await eventually(() => status.textContent()).toContain('Report for October 2026 queued')
    expect(await page.getByRole('button', { name: 'Making the report…' }).isDisabled()).toBe(true)
    await screenshotOf(page.locator('.page-header'), 'reports-queued')

    const made = await runQueuedReport()
    expect(made.period).toBe('2026-10')
    expect(await getJob(db.sql, TENANT, made.jobId)).toMatchObject({ requestedBy: 'tests' })
    await eventually(() => status.textContent()).toContain('Report for October 2026 is ready')
    await eventually(() => rows(page).count()).toBe(1)
    const row = rows(page).first()
    expect(await row.getAttribute('data-report-id')).toBe(made.reportId)
    expect(await row.locator('[data-col="month"]').textContent()).toBe('October 2026')
    expect(await row.textContent()).toContain('as of Nov 1, 2026')
    expect(await row.textContent()).toContain('tests')
    expect(await row.locator('[data-col="changes"]').textContent()).toBe('first report')
    // The figures are the decisions as they stood, counted independently.
    const [counts] = await db.sql<{ approved: number; in_review: number; rejected: number }[]>`
      select count(*) filter (where outcome = 'auto_approve')::int as approved,
             count(*) filter (where outcome = 'needs_review')::int as in_review,
             count(*) filter (where outcome = 'auto_reject')::int as rejected
      from ops.current_decisions where tenant_id = ${TENANT}`
    expect(
      (await row.locator('[data-col="approved"]').textContent())?.startsWith(String(counts!.approved)),
    ).toBe(true)
    expect(
      (await row.locator('[data-col="in-review"]').textContent())?.startsWith(String(counts!.in_review)),
    ).toBe(true)
    expect(await row.locator('[data-col="rejected"]').textContent()).toBe(String(counts!.rejected))
    await screenshot(page, 'reports', { fullPage: false })

    // The CSV, saved under the API's name.
    const downloading = page.waitForEvent('download')
    await page
      .getByRole('button', { name: `Download the CSV of the report for October 2026 (#${made.reportId})` })
      .click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('pod-report_2026-10.csv')
    const csv = await readFile((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^section,ace_id,customer,/)
    expect(csv.split('\r\n').filter((line) => line.length > 0)).toHaveLength(
      counts!.approved + counts!.in_review + counts!.rejected + 1,
    )
    await eventually(() => page.locator('.table-footer [role="status"]').textContent()).toBe(
      'Downloaded pod-report_2026-10.csv',
    )
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('opens a report as it prints, and lists what changed in the next month', async () => {
    // A person approves a decision that waited for review; November's report (made now) shows the change.
    const [waiting] = await db.sql<{ decision_id: string; ace_id: string }[]>`
      select decision_id::text, ace_id from ops.current_decisions
      where tenant_id = ${TENANT} and outcome = 'needs_review' order by ace_id limit 1`
    await db.sql`
      insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
      values (${TENANT}, ${waiting!.decision_id}, ${waiting!.ace_id}, 'approve', 'Checked with the customer', 'kim')`
    const { page, errors } = await openSignedIn('/reports')
    await eventually(() => rows(page).count()).toBe(1)
    await page.getByLabel('Month to report').fill('2026-11')
    await page.getByRole('button', { name: 'Make report now' }).click()
    await eventually(() => page.getByTestId('make-report-status').textContent()).toContain('queued')
    const november = await runQueuedReport()
    await eventually(() => rows(page).count()).toBe(2)
    const newest = rows(page).first()
    expect(await newest.getAttribute('data-period')).toBe('2026-11')
    expect(await newest.locator('[data-col="changes"]').textContent()).toBe('1 change since October 2026')

    await newest.getByRole('link', { name: /^Open the report for November 2026/ }).click()
    await eventually(() => new URL(page.url()).pathname).toBe(`/reports/${november.reportId}`)
    await page.getByRole('heading', { level: 1, name: 'POD report — November 2026' }).waitFor()
    const frame = page.frameLocator('[data-testid="report-frame"]')
    await frame.getByRole('heading', { level: 1, name: 'POD report — November 2026' }).waitFor()
    const changes = frame.locator('table.changes')
    expect(await changes.textContent()).toContain(waiting!.ace_id)
    expect(await changes.textContent()).toContain('in review → approved')
    expect(await frame.locator('section.approved').textContent()).toContain('Checked with the customer')
    // The frame grows to the page: the report scrolls with the app, not inside a box.
    const height = await page
      .getByTestId('report-frame')
      .evaluate((element) => element.getBoundingClientRect().height)
    expect(height).toBeGreaterThan(1500)
    expect(await page.getByRole('button', { name: 'Print' }).isEnabled()).toBe(true)
    await screenshot(page, 'report-viewer', { fullPage: false })
    await screenshotOf(page.getByTestId('report-frame'), 'report-page')
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, 'report-viewer-print', { fullPage: false })
    await page.emulateMedia({ media: 'screen' })

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download HTML' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('pod-report_2026-11.html')
    expect(await readFile((await download.path())!, 'utf8')).toContain('<h1>POD report — November 2026</h1>')
    await page.getByRole('link', { name: '← Back to the reports' }).click()
    await eventually(() => rows(page).count()).toBe(2)
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so when a report does not exist', async () => {
    const { page, errors } = await openSignedIn('/reports/987654')
    await page.getByRole('heading', { name: 'This report could not be loaded' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('no report 987654')
    // An expected 404, which the browser logs as a failed resource; nothing else.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await page.close()
  })
})
