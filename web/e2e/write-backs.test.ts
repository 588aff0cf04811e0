/// <reference lib="dom" />
// Browser tests of the Write-backs page (Chromium, the real server on demo data) and of the write-back
// state on a POD review. The writes are rows of ops.partner_central_writes inserted here, as planning
// would leave them; no worker runs, so approved writes stay approved. The tests run in order: the first
// sees no write at all, the next ones add and approve some.
import { recordAuditEvent } from '@revops/engine/audit'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, NO_CHROMIUM, screenshot, screenshotOf } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { db, openSignedIn } = session

const TENANT = 'demo'

interface Seeded {
  /** ACE ids of the writes: a, b, c wait for approval, d was a dry run, e failed, f has no write. */
  ace: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string>
  /** Write ids by the same letters (plus the superseded older write of a). */
  write: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'aOld', string>
  lead: Record<'a' | 'b' | 'c' | 'd' | 'e', string>
}

let seeded: Seeded | undefined

/** Inserts the writes once (the first test that needs them), on opportunities of the demo. */
async function seedWrites(): Promise<Seeded> {
  if (seeded) return seeded
  const aceIds = (
    await db.sql<{ ace_id: string }[]>`
      select ace_id from core.ace_opportunities where tenant_id = ${TENANT} order by ace_id limit 6`
  ).map((row) => row.ace_id)
  const leadIds = (
    await db.sql<{ lead_id: string }[]>`
      select lead_id::text from core.odoo_opportunities where tenant_id = ${TENANT} order by lead_id limit 5`
  ).map((row) => row.lead_id)
  const [a, b, c, d, e, f] = aceIds as [string, string, string, string, string, string]
  const [la, lb, lc, ld, le] = leadIds as [string, string, string, string, string]
  const request = {
    Identifier: d,
    LastModifiedDate: '2026-10-30T09:15:00.000Z',
    PartnerOpportunityIdentifier: ld,
    Customer: { Account: { CompanyName: 'Northwind Traders', WebsiteUrl: 'https://northwind.example' } },
    LifeCycle: { Stage: 'Qualified', TargetCloseDate: '2026-12-15' },
  }
  const insert = (row: Record<string, unknown>) =>
    db.sql<{ write_id: string }[]>`
      insert into ops.partner_central_writes ${db.sql({
        tenant_id: TENANT,
        source: 'ace',
        catalog: 'AWS',
        ...row,
      } as never)}
      returning write_id::text`.then((rows) => rows[0]!.write_id)
  const aOld = await insert({
    ace_id: a,
    lead_id: lb,
    reason: 'auto_link',
    status: 'superseded',
    mode: 'dry_run',
    message: 'the link changed before the write ran',
  })
  const written = {
    aOld,
    d: await insert({
      ace_id: d,
      lead_id: ld,
      reason: 'confirmed',
      status: 'dry_run',
      mode: 'dry_run',
      attempts: 1,
      before: db.sql.json({ ...request, PartnerOpportunityIdentifier: null }),
      request: db.sql.json(request),
      message: 'dry run: the request was recorded, not sent',
    }),
    e: await insert({
      ace_id: e,
      lead_id: le,
      reason: 'confirmed',
      status: 'failed',
      mode: 'live',
      attempts: 3,
      message: 'ValidationException: LifeCycle.TargetCloseDate must be in the future',
    }),
    a: await insert({
      ace_id: a,
      lead_id: la,
      reason: 'confirmed',
      status: 'pending_approval',
      mode: 'dry_run',
    }),
    b: await insert({
      ace_id: b,
      lead_id: lb,
      reason: 'auto_link',
      status: 'pending_approval',
      mode: 'dry_run',
    }),
    c: await insert({
      ace_id: c,
      lead_id: lc,
      reason: 'confirmed',
      status: 'pending_approval',
      mode: 'dry_run',
    }),
  }
  // One opportunity read from the Selling API rather than the APN database.
  await db.sql`update core.ace_opportunities set source = 'ace' where tenant_id = ${TENANT} and ace_id = ${b}`
  seeded = { ace: { a, b, c, d, e, f }, write: written, lead: { a: la, b: lb, c: lc, d: ld, e: le } }
  return seeded
}

const rows = (page: Page) => page.getByTestId('write-row')
const row = (page: Page, writeId: string) =>
  page.locator(`[data-testid="write-row"][data-write-id="${writeId}"]`)
const count = (page: Page, tab: string) => page.getByTestId(`count-${tab}`).textContent()

describe.skipIf(!hasChromium)(hasChromium ? 'the Write-backs page in Chromium' : NO_CHROMIUM, () => {
  it('explains that write-back is opt-in per tenant when there is no write', async () => {
    const { page, errors } = await openSignedIn('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Write-backs' }).click()
    await page.getByRole('heading', { level: 1, name: 'Write-backs' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/write-backs')
    expect(await nav.getByRole('link', { name: 'Write-backs' }).getAttribute('aria-current')).toBe('page')
    const empty = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'No write-backs yet' }) })
    await empty.waitFor()
    const text = (await empty.textContent()) ?? ''
    for (const words of [
      'opt-in per tenant',
      'write_back: enabled: true',
      'tenant.yaml',
      'dry run',
      'mode: live',
    ])
      expect(text).toContain(words)
    await eventually(() => count(page, 'all')).toBe('0')
    expect(await page.getByTestId('approve-bar').count()).toBe(0)
    await screenshot(page, 'write-backs-empty', { fullPage: false })
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('lists the writes with the count in each status, their mode, and the request a dry run recorded', async () => {
    const { ace, write, lead } = await seedWrites()
    const { page, errors } = await openSignedIn('/write-backs')
    await eventually(() => rows(page).count()).toBe(6)
    // Newest first.
    expect(await rows(page).first().getAttribute('data-write-id')).toBe(write.c)
    await eventually(() => count(page, 'all')).toBe('6')
    expect(await count(page, 'pending_approval')).toBe('3')
    expect(await count(page, 'approved')).toBe('0')
    expect(await count(page, 'dry_run')).toBe('1')
    expect(await count(page, 'failed')).toBe('1')
    expect(await count(page, 'superseded')).toBe('1')

    const pending = row(page, write.a)
    expect(await pending.locator('[data-col="ace"]').textContent()).toBe(ace.a)
    expect(await pending.locator('[data-col="ace"]').getAttribute('href')).toBe(`/pod/ace/${ace.a}`)
    expect(await pending.locator('[data-col="lead"]').textContent()).toBe(`#${lead.a}`)
    expect(await pending.locator('[data-col="status"]').textContent()).toContain('Pending approval')
    expect(await pending.locator('[data-col="mode"]').textContent()).toBe('Dry run')
    expect(await pending.textContent()).toContain('Confirmed match')
    const failed = row(page, write.e)
    expect(await failed.locator('[data-col="mode"]').textContent()).toBe('Live')
    expect(await failed.textContent()).toContain('3 attempts')
    expect(await failed.textContent()).toContain('ValidationException')
    expect(await row(page, write.b).textContent()).toContain('Auto-link')
    expect(await page.getByTestId('approve-bar').textContent()).toContain(
      '3 write-backs waiting for approval',
    )
    expect(await page.getByRole('button', { name: 'Approve selected (0)' }).isDisabled()).toBe(true)

    // The dry run's request, as it would be sent, with the field it sets marked.
    const toggle = page.getByRole('button', { name: `Request of write-back #${write.d}`, exact: true })
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const detail = page.getByTestId('write-detail')
    await detail.waitFor()
    const request = detail.getByRole('region', { name: 'UpdateOpportunity request' })
    expect(await request.textContent()).toContain(`"Identifier": "${ace.d}"`)
    expect(await request.textContent()).toContain('"CompanyName": "Northwind Traders"')
    // (jsonb keeps its own key order, so the line may end the object, without a comma.)
    const marked = await request.locator('mark').allTextContents()
    expect(marked.map((text) => text.replace(/,$/, ''))).toEqual([
      `"PartnerOpportunityIdentifier": "${lead.d}"`,
    ])
    expect(await detail.textContent()).toContain('recorded by a dry run')
    expect(await detail.getByRole('region', { name: 'Opportunity before' }).isVisible()).toBe(true)
    expect(await detail.locator('.write-change').textContent()).toContain(`from empty to ${lead.d}`)
    await screenshot(page, 'write-backs')
    await screenshotOf(row(page, write.d).locator('xpath=following-sibling::tr[1]'), 'write-backs-request')
    await toggle.click()
    await eventually(() => detail.count()).toBe(0)

    // A pending write has no request yet: it says what will be sent.
    await page.getByRole('button', { name: `Request of write-back #${write.a}`, exact: true }).click()
    expect(await page.getByTestId('write-detail').textContent()).toContain('No request yet')
    await screenshotOf(page.getByTestId('write-detail'), 'write-backs-pending-request')

    // The tabs follow the URL and the arrow keys.
    await page.getByRole('tab', { name: /^Pending approval/ }).click()
    await eventually(() => new URL(page.url()).searchParams.get('status')).toBe('pending_approval')
    await eventually(() => rows(page).count()).toBe(3)
    await page.keyboard.press('ArrowRight')
    await eventually(() => new URL(page.url()).searchParams.get('status')).toBe('approved')
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'write-backs-tab-approved',
    )
    await page.getByRole('heading', { name: 'No write-back has the status “Approved”' }).waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('approves two selected writes: they move to approved, by the key, and a job is queued', async () => {
    const { ace, write } = await seedWrites()
    const { page, errors } = await openSignedIn('/write-backs?status=pending_approval')
    await eventually(() => rows(page).count()).toBe(3)
    const selectAll = page.getByRole('checkbox', { name: 'Select every write-back waiting for approval' })
    await selectAll.check()
    await page.getByRole('button', { name: 'Approve selected (3)' }).waitFor()
    await selectAll.uncheck()
    await page.getByRole('button', { name: 'Approve selected (0)' }).waitFor()

    await page.getByRole('checkbox', { name: `Select write-back #${write.a} of ACE ${ace.a}` }).check()
    await page.getByRole('checkbox', { name: `Select write-back #${write.b} of ACE ${ace.b}` }).check()
    expect(await selectAll.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true)
    expect(await page.getByTestId('approve-bar').textContent()).toContain('2 of 3 write-backs')
    await page.getByRole('button', { name: 'Approve selected (2)' }).click()

    const result = page.getByTestId('approve-result')
    await eventually(() => result.textContent()).toContain('Approved 2 write-backs: #')
    for (const id of [write.a, write.b]) expect(await result.textContent()).toContain(`#${id}`)
    await eventually(() => rows(page).count()).toBe(1)
    expect(await rows(page).first().getAttribute('data-write-id')).toBe(write.c)
    await eventually(() => count(page, 'pending_approval')).toBe('1')
    expect(await count(page, 'approved')).toBe('2')
    await screenshot(page, 'write-backs-approved', { fullPage: false })

    const stored = await db.sql<{ write_id: string; status: string; approved_by: string | null }[]>`
      select write_id::text, status, approved_by from ops.partner_central_writes
      where tenant_id = ${TENANT} order by write_id`
    const byId = Object.fromEntries(stored.map((w) => [w.write_id, w]))
    expect(byId[write.a]).toMatchObject({ status: 'approved', approved_by: 'tests' })
    expect(byId[write.b]).toMatchObject({ status: 'approved', approved_by: 'tests' })
    expect(byId[write.c]).toMatchObject({ status: 'pending_approval', approved_by: null })
    const jobs = await db.sql`select 1 from ops.jobs where tenant_id = ${TENANT} and kind = 'write-back'`
    expect(jobs).toHaveLength(1)

    await page.getByRole('tab', { name: /^Approved/ }).click()
    await eventually(() => rows(page).count()).toBe(2)
    for (const id of [write.a, write.b])
      expect(await row(page, id).locator('[data-col="approved-by"]').textContent()).toContain('tests')

    // A write that stopped waiting meanwhile is reported as not approved.
    await page.getByRole('tab', { name: /^Pending approval/ }).click()
    await eventually(() => rows(page).count()).toBe(1)
    await page.getByRole('checkbox', { name: `Select write-back #${write.c} of ACE ${ace.c}` }).check()
    await db.sql`update ops.partner_central_writes set status = 'superseded' where write_id = ${write.c}`
    await page.getByRole('button', { name: 'Approve selected (1)' }).click()
    await eventually(() => result.textContent()).toContain(`Not approved: #${write.c}`)
    await eventually(() => rows(page).count()).toBe(0)
    await screenshotOf(page.getByTestId('approve-bar'), 'write-backs-not-approved')
    await db.sql`update ops.partner_central_writes set status = 'pending_approval' where write_id = ${write.c}`
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the source and write-back state of an ACE opportunity on its POD review', async () => {
    const { ace, write, lead } = await seedWrites()
    // What the write-back job records when it ends a write, on the opportunity's history.
    await recordAuditEvent(db.sql, {
      tenantId: TENANT,
      actor: 'system',
      action: 'partner_central.write_superseded',
      subjectType: 'ace_opportunity',
      subjectId: ace.a,
      details: {
        write_id: write.aOld,
        mode: 'dry_run',
        field: 'PartnerOpportunityIdentifier',
        before: null,
        after: lead.b,
        message: 'the link changed before the write ran',
      },
    })
    const { page, errors } = await openSignedIn('/write-backs?status=approved')
    await eventually(() => rows(page).count()).toBe(2)
    // The ACE id opens the opportunity's current decision.
    await row(page, write.a).locator('[data-col="ace"]').click()
    await eventually(() => new URL(page.url()).pathname).toMatch(/^\/pod\/\d+$/)
    const comparison = page.getByTestId('comparison')
    await comparison.waitFor()
    const source = comparison.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'Source' }) })
    expect(await source.locator('td').allTextContents()).toEqual(['Source', 'APN database', 'Odoo database'])
    const state = page.getByTestId('write-back-state')
    await state.waitFor()
    const stateText = (await state.textContent()) ?? ''
    for (const words of ['Approved', 'Dry run', `Odoo #${lead.a}`, `write #${write.a}`, 'Confirmed match'])
      expect(stateText).toContain(words)
    const history = page.getByTestId('history').locator('li[data-action="partner_central.write_superseded"]')
    await eventually(() => history.textContent()).toContain('Write-back superseded')
    expect(await history.textContent()).toContain(
      `PartnerOpportunityIdentifier empty → ${lead.b} · Dry run · write #${write.aOld} · the link changed`,
    )
    await screenshot(page, 'pod-detail-write-back')
    await screenshotOf(page.locator('#history'), 'pod-detail-history')
    await screenshotOf(page.locator('#records'), 'pod-detail-records')

    // The way to its writes: only this opportunity's, with their counts.
    await state.getByRole('link', { name: 'Open in Write-backs →' }).click()
    await eventually(() => page.url()).toContain(`/write-backs?ace_id=${ace.a}`)
    await eventually(() => rows(page).count()).toBe(2)
    await eventually(() => count(page, 'all')).toBe('2')
    expect(await count(page, 'approved')).toBe('1')
    expect(await count(page, 'superseded')).toBe('1')
    expect(await page.locator('.write-backs-scope').textContent()).toContain(ace.a)
    await screenshot(page, 'write-backs-one-opportunity', { fullPage: false })
    await page.getByRole('button', { name: 'Show every write-back' }).first().click()
    await eventually(() => count(page, 'all')).toBe('6')

    // Read from the Selling API: the source says which.
    await page.goto(`${session.server.url}/pod/ace/${ace.b}`)
    await eventually(async () => (await source.locator('td').allTextContents()).slice(0, 2).join(' | ')).toBe(
      'Source | Partner Central API (ace)',
    )

    // No write at all: no write-back state.
    const answered = page.waitForResponse((response) =>
      response.url().includes(`/api/v1/write-backs?ace_id=${ace.f}`),
    )
    await page.goto(`${session.server.url}/pod/ace/${ace.f}`)
    await comparison.waitFor()
    await answered
    await page.getByTestId('rule-trace').waitFor()
    expect(await state.count()).toBe(0)
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so when an ACE id has no decision', async () => {
    const { page, errors } = await openSignedIn('/pod/ace/NO-SUCH-ACE')
    await page.getByRole('heading', { name: 'No decision for this opportunity' }).waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
