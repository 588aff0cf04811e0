// Browser tests: Debian's Chromium drives the real app (the CLI's HTTP server: API + built UI) on demo
// data that went through the whole pipeline. Screenshots of every page land in web/test-results/.
import { settleJointLinks } from '@revops/engine/match'
import { enqueueJob, markJobRunning, markJobSucceeded, recordJobProgress } from '@revops/engine/ops'
import { describe, expect, it } from 'vitest'
import { collectPageErrors, hasChromium, NO_CHROMIUM, screenshot, screenshotOf } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { db, openSignedIn } = session

describe.skipIf(!hasChromium)(hasChromium ? 'the web UI in Chromium' : NO_CHROMIUM, () => {
  it('asks for an API key without one, and signs in with the key from the link', async () => {
    const page = await session.context.newPage()
    const errors = collectPageErrors(page)
    await page.goto(session.server.url)
    await eventually(() => page.getByRole('heading', { name: 'Sign in with an API key' }).isVisible()).toBe(
      true,
    )
    await screenshot(page, 'sign-in')
    await page.getByLabel('API key').fill(session.server.key)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the dashboard: figures, charts, data quality, syncs, schedules', async () => {
    const { page, errors } = await openSignedIn('/')
    expect(page.url()).not.toContain('#key=')
    await eventually(() => page.getByTestId('kpi-ace').textContent()).toContain('60')
    await page.locator('#decisions canvas').waitFor()
    await page.locator('#match-quality canvas').waitFor()
    await page.locator('#stages canvas').first().waitFor()
    await page.locator('#syncs tbody tr').first().waitFor()
    await page.locator('#data-quality tbody tr').first().waitFor()
    // The demo's schedules (tenant.yaml): each with its cron, time zone and next run.
    await page.locator('#schedules tbody tr').first().waitFor()
    const schedules = await page.locator('#schedules tbody tr').allTextContents()
    expect(schedules).toHaveLength(3)
    expect(schedules[0]).toMatch(/hourly-pipeline.*5 \* \* \* \*.*Europe\/Berlin.*not yet.*in \d+ minutes?/)
    expect(schedules[1]).toMatch(/nightly-reconcile.*30 2 \* \* \*/)
    expect(schedules[2]).toMatch(/monthly-report \(Report\).*0 6 1 \* \*.*Europe\/Berlin/)
    await screenshotOf(page.locator('#schedules'), 'dashboard-schedules')
    // No channels in the demo: the panel says where they are configured.
    await page.locator('#notifications').getByText('No notifications').waitFor()
    await screenshot(page, 'dashboard')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('reaches every page from the navigation without errors', async () => {
    const { page, errors } = await openSignedIn('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    for (const [label, path, heading] of [
      ['POD review', '/pod', 'POD review'],
      ['Cost', '/cost', 'Cost'],
      ['Rules', '/rules', 'Rules'],
      ['Work list', '/work-list', 'ACE work list'],
      ['Reports', '/reports', 'Reports'],
      ['Dashboard', '/', 'Dashboard'],
    ] as const) {
      await nav.getByRole('link', { name: label }).click()
      await page.getByRole('heading', { level: 1, name: heading }).waitFor()
      expect(new URL(page.url()).pathname).toBe(path)
      expect(await nav.getByRole('link', { name: label }).getAttribute('aria-current')).toBe('page')
      if (path === '/cost' || path === '/rules') await screenshot(page, path.slice(1), { fullPage: false })
    }
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('filters, searches and sorts the review queue, keeping it all in the URL', async () => {
    const { page, errors } = await openSignedIn('/pod')
    const rows = page.getByTestId('pod-row')
    await rows.first().waitFor()
    const total = await rows.count()
    expect(total).toBe(60)
    await screenshot(page, 'pod', { fullPage: false })

    await page.getByLabel('Decision').selectOption('auto_reject')
    await eventually(() => page.url()).toContain('outcome=auto_reject')
    await eventually(() => rows.count()).toBeLessThan(total)
    for (const text of await rows.locator('[data-col="decision"]').allTextContents())
      expect(text).toContain('Auto-rejected')

    const customer = (await rows.first().locator('[data-col="customer"]').textContent())!.trim()
    await page.getByLabel('Search').fill(customer.split(' ')[0]!)
    await eventually(() => page.url()).toContain('q=')
    await eventually(async () =>
      (await rows.first().locator('[data-col="customer"]').textContent())?.trim(),
    ).toBe(customer)

    await page.getByRole('button', { name: 'Clear' }).click()
    await eventually(() => rows.count()).toBe(total)
    await page.getByRole('button', { name: 'Sort by Spend / month' }).click()
    await eventually(() => page.url()).toContain('sort=expected_monthly_spend')
    const spends = await rows.locator('[data-col="spend"]').allTextContents()
    const amounts = spends.filter((text) => text !== '—').map((text) => Number(text.replace(/[^0-9.]/g, '')))
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))
    await page.reload()
    await eventually(() => page.getByRole('columnheader', { name: /Spend/ }).getAttribute('aria-sort')).toBe(
      'descending',
    )
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a decision with its records side by side, the waterfall and the rule trace', async () => {
    const { page, errors } = await openSignedIn('/pod?outcome=needs_review')
    await page.getByTestId('pod-row').first().click()
    await page.getByTestId('rule-trace').waitFor()
    await page.getByTestId('waterfall').locator('canvas').waitFor()
    await page.getByTestId('comparison').waitFor()
    await page.getByTestId('candidates').waitFor()
    expect(await page.getByTestId('rule-trace').locator('li').count()).toBeGreaterThan(3)
    expect(await page.getByTestId('rule-trace').locator('li[data-result="review"]').count()).toBeGreaterThan(
      0,
    )
    await eventually(() => page.getByTestId('queue-position').textContent()).toMatch(/^1 of \d+/)
    await screenshot(page, 'pod-detail')

    // j moves to the next opportunity of the same filtered queue.
    const first = page.url()
    await page.keyboard.press('j')
    await eventually(() => page.url()).not.toBe(first)
    expect(page.url()).toContain('outcome=needs_review')
    await eventually(() => page.getByTestId('queue-position').textContent()).toMatch(/^2 of /)
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it("says why a deal was preferred over the customer's other deal", async () => {
    // A decision whose ACE opportunity has a second candidate; bring that runner-up within two bits of
    // the link (as a sibling deal that scores nearly alike), then let the joint step decide again.
    const [row] = await db.sql<
      { decision_id: string; left_id: string; weight_bits: number; runner_up: string }[]
    >`
      select d.decision_id::text, c.left_id, c.weight_bits,
             (select o.right_id from match.candidates o where o.tenant_id = c.tenant_id and o.left_id = c.left_id
              and o.candidate_id <> c.candidate_id order by o.weight_bits desc limit 1) as runner_up
      from ops.decisions d join match.candidates c on c.candidate_id = d.match_candidate_id
      where c.selected and exists (select 1 from match.candidates o where o.tenant_id = c.tenant_id
        and o.left_id = c.left_id and o.candidate_id <> c.candidate_id)
      order by d.decision_id desc limit 1`
    expect(row).toBeDefined()
    await db.sql`
      update match.candidates set weight_bits = ${row!.weight_bits - 2}
      where left_id = ${row!.left_id} and right_id = ${row!.runner_up}`
    await settleJointLinks(db.sql, 'demo', {
      left: { entity: 'ace_opportunity' },
      right: { entity: 'odoo_opportunity' },
      one_to_one: false,
      second_claim_odds: 0.05,
    } as Parameters<typeof settleJointLinks>[2])
    const { page, errors } = await openSignedIn(`/pod/${row!.decision_id}`)
    const preferred = page.getByTestId('preferred-over')
    await preferred.waitFor()
    expect(await preferred.textContent()).toContain(`Preferred over Odoo #${row!.runner_up}`)
    await page.locator('#explanation').scrollIntoViewIfNeeded()
    await screenshotOf(page.locator('#explanation'), 'pod-preferred-over')
    expect(errors).toEqual([])
    await page.close()
  })

  it('approves an opportunity with a note: the review is recorded, audited and shown', async () => {
    const { page, errors } = await openSignedIn('/pod?outcome=needs_review')
    await page.getByTestId('pod-row').first().click()
    await page.getByTestId('rule-trace').waitFor()
    const decisionId = new URL(page.url()).pathname.split('/').at(-1)!
    await page.keyboard.press('a')
    await eventually(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'review-note',
    )
    // A note is required.
    await page.keyboard.press('Control+Enter')
    await eventually(() => page.locator('#review-problem').textContent()).toContain('note')
    await page.keyboard.type('Partner sourced it: kickoff mail of 3 March')
    await page.keyboard.press('Control+Enter')
    await page.getByTestId('current-review').waitFor()
    await eventually(() =>
      page.getByTestId('history').locator('li').first().getAttribute('data-action'),
    ).toBe('decision.approved')
    await screenshot(page, 'pod-approved')

    const response = await fetch(`${session.server.url}/api/v1/decisions/${decisionId}`, {
      headers: { authorization: `Bearer ${session.server.key}` },
    })
    const { data: decision } = (await response.json()) as any
    expect(decision.review).toMatchObject({
      action: 'approve',
      note: 'Partner sourced it: kickoff mail of 3 March',
    })
    const audit = await fetch(
      `${session.server.url}/api/v1/audit?subject_id=${decision.ace_id}&action=decision.approved`,
      {
        headers: { authorization: `Bearer ${session.server.key}` },
      },
    )
    const { data: events } = (await audit.json()) as any
    expect(events.items).toHaveLength(1)
    expect(events.items[0].details).toMatchObject({
      decision_id: decisionId,
      note: 'Partner sourced it: kickoff mail of 3 March',
    })
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('follows a running job live on the dashboard', async () => {
    const { job } = await enqueueJob(db.sql, {
      tenantId: 'demo',
      kind: 'pipeline',
      payload: { asOf: '2026-11-01' },
    })
    const { page, errors } = await openSignedIn('/')
    const row = page.getByTestId('job').first()
    await eventually(() => row.getAttribute('data-status')).toBe('queued')
    await markJobRunning(db.sql, job.jobId, { attempts: 1 })
    await recordJobProgress(db.sql, job.jobId, {
      done: 120,
      total: 400,
      message: 'match: scoring candidates',
    })
    await eventually(() => row.textContent()).toContain('120 of 400')
    expect(await row.textContent()).toContain('match: scoring candidates')
    await eventually(() => page.getByTestId('active-jobs').textContent()).toContain('30%')
    await screenshot(page, 'dashboard-job-running', { fullPage: false })
    await screenshotOf(page.locator('#jobs'), 'dashboard-jobs')
    await markJobSucceeded(db.sql, job.jobId, { status: 'succeeded' })
    await eventually(() => row.getAttribute('data-status')).toBe('succeeded')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('confirms a match candidate from the detail view', async () => {
    const { page, errors } = await openSignedIn('/pod?outcome=needs_review')
    await page.getByTestId('pod-row').nth(1).click()
    const candidate = page.getByTestId('candidate').first()
    await candidate.waitFor()
    await candidate.getByRole('button', { name: /^Confirm the match/ }).click()
    await eventually(() => page.getByTestId('candidates').textContent()).toContain('Confirmed by tests')
    await screenshot(page, 'pod-match-confirmed')
    await eventually(() =>
      page.getByTestId('history').locator('li').first().getAttribute('data-action'),
    ).toBe('match.confirmed')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so plainly when there is nothing to show, a decision does not exist or the key is refused', async () => {
    const { page, errors } = await openSignedIn('/pod?q=no-such-customer-anywhere')
    await page.getByRole('heading', { name: 'No opportunities match these filters' }).waitFor()
    await screenshot(page, 'pod-empty', { fullPage: false })
    await page.goto(`${session.server.url}/pod/999999999`)
    await page.getByRole('heading', { name: 'This decision could not be loaded' }).waitFor()
    expect(await page.getByRole('alert').first().textContent()).toContain('no decision 999999999')
    await screenshot(page, 'pod-not-found', { fullPage: false })
    // The only console errors: the browser reporting the 404 it was answered.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])

    await page.evaluate("localStorage.setItem('revops.apiKey', 'not-a-key')")
    await page.goto(`${session.server.url}/`)
    await page.getByText('The API key was not accepted').waitFor()
    await page.close()
  })
})
