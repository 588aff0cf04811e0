/// <reference lib="dom" />
// Browser tests of the ACE work list (Chromium, the real server on demo data decided as of AS_OF). The
// demo's rules approve nothing by themselves; the tests approve two opportunities as a reviewer would and
// leave their ACE records as a partner might, then read what the page says must change. In order.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, NO_CHROMIUM, screenshot, screenshotOf } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { db, openSignedIn } = session
const TENANT = 'demo'

const rows = (page: Page) => page.getByTestId('work-row')
const row = (page: Page, aceId: string, field: string) =>
  page.locator(`[data-testid="work-row"][data-ace-id="${aceId}"][data-field="${field}"]`)

interface Approved {
  ace_id: string
  lead_id: string
}
let approved: [Approved, Approved] | undefined

/** Two auto-linked opportunities that waited for review, approved by a person; their ACE records edited. */
async function approveTwo(): Promise<[Approved, Approved]> {
  if (approved) return approved
  const picked = await db.sql<(Approved & { decision_id: string })[]>`
    select d.ace_id, d.decision_id::text, c.right_id as lead_id
    from ops.current_decisions d
    join match.candidates c on c.tenant_id = d.tenant_id and c.left_id = d.ace_id and c.selected and c.band = 'auto_link'
    where d.tenant_id = ${TENANT} and d.outcome = 'needs_review'
    order by d.ace_id limit 2`
  for (const decision of picked)
    await db.sql`
      insert into ops.decision_reviews (tenant_id, decision_id, ace_id, action, note, reviewer)
      values (${TENANT}, ${decision.decision_id}, ${decision.ace_id}, 'approve', 'fine', 'kim')`
  const [a, b] = [picked[0]!, picked[1]!]
  await db.sql`update core.ace_opportunities set partner_crm_id = null where tenant_id = ${TENANT} and ace_id = ${a.ace_id}`
  await db.sql`
    update core.ace_opportunities set partner_crm_id = 'CRM-OLD-7', stage = 'Qualified', close_date = '2026-09-30',
      status = 'Draft'
    where tenant_id = ${TENANT} and ace_id = ${b.ace_id}`
  approved = [a, b]
  return approved
}

/** The work list as the API gives it (what the page must show). */
async function apiWorkList(): Promise<{
  items: { ace_id: string; field: string }[]
  counts: Record<string, number>
}> {
  const response = await fetch(`${session.server.url}/api/v1/ace-work-list`, {
    headers: { authorization: `Bearer ${session.server.key}` },
  })
  return (await response.json()).data
}

describe.skipIf(!hasChromium)(hasChromium ? 'the ACE work list in Chromium' : NO_CHROMIUM, () => {
  it('says what the list is for while nothing is approved', async () => {
    const { page, errors } = await openSignedIn('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Work list' }).click()
    await page.getByRole('heading', { level: 1, name: 'ACE work list' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/work-list')
    expect(await nav.getByRole('link', { name: 'Work list' }).getAttribute('aria-current')).toBe('page')
    await page.getByRole('heading', { name: 'Nothing approved for POD yet' }).waitFor()
    expect(await page.getByTestId('count-all').textContent()).toBe('0')
    await screenshot(page, 'work-list-empty', { fullPage: false })
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('lists each change an approved opportunity needs in ACE, with its value now, the value it should have and why', async () => {
    const [a, b] = await approveTwo()
    const expected = await apiWorkList()
    const { page, errors } = await openSignedIn('/work-list')
    await eventually(() => rows(page).count()).toBe(expected.items.length)
    expect(await page.getByTestId('work-list-summary').textContent()).toContain(
      'of 2 ACE opportunities approved for POD',
    )
    expect(await page.getByTestId('count-all').textContent()).toBe(String(expected.items.length))
    expect(await page.getByTestId('count-stage').textContent()).toBe(String(expected.counts.stage))

    // The one without a partner CRM id: set it to the linked Odoo opportunity.
    const crm = row(page, a.ace_id, 'partner_crm_id')
    expect(await crm.locator('[data-col="field"]').textContent()).toBe(
      'Partner CRM idPartnerOpportunityIdentifier',
    )
    expect(await crm.locator('[data-col="current"]').textContent()).toBe('empty')
    expect(await crm.locator('[data-col="expected"]').textContent()).toBe(a.lead_id)
    expect(await crm.locator('[data-col="why"]').textContent()).toContain(
      `Odoo opportunity ${a.lead_id} is auto-linked`,
    )
    expect(await crm.textContent()).toContain('approved by a person')
    // The demo reads ACE from the APN database: no write-back, so no write-back column.
    expect(await crm.locator('[data-col="write-back"]').count()).toBe(0)
    expect(await page.getByRole('columnheader', { name: 'Write-back' }).count()).toBe(0)
    // The other: another CRM id, not submitted, still open past its close date.
    expect(await row(page, b.ace_id, 'partner_crm_id').locator('[data-col="current"]').textContent()).toBe(
      'CRM-OLD-7',
    )
    const stage = row(page, b.ace_id, 'stage')
    expect(await stage.locator('[data-col="current"]').textContent()).toBe('Qualified')
    expect(await stage.locator('[data-col="expected"]').textContent()).toBe('Launched')
    expect(await stage.locator('[data-col="why"]').textContent()).toContain(
      'The target close date 2026-09-30 passed',
    )
    expect(await row(page, b.ace_id, 'review_status').locator('[data-col="expected"]').textContent()).toBe(
      'Submitted',
    )
    expect(await row(page, b.ace_id, 'close_date').count()).toBe(1)
    await screenshot(page, 'work-list')
    await screenshotOf(crm, 'work-list-row')

    // The ACE id opens the opportunity's POD review.
    await crm.locator('[data-col="ace"]').click()
    await eventually(() => new URL(page.url()).pathname).toMatch(/^\/pod\/\d+$/)
    await page.getByTestId('rule-trace').waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('narrows the list to one field, kept in the URL, and downloads the CSV', async () => {
    const [, b] = await approveTwo()
    const expected = await apiWorkList()
    const { page, errors } = await openSignedIn('/work-list')
    await eventually(() => rows(page).count()).toBe(expected.items.length)
    await page.getByRole('tab', { name: /^Stage/ }).click()
    await eventually(() => new URL(page.url()).searchParams.get('field')).toBe('stage')
    await eventually(() => rows(page).count()).toBe(expected.counts.stage!)
    for (const field of await rows(page).evaluateAll((elements) =>
      elements.map((e) => e.getAttribute('data-field')),
    ))
      expect(field).toBe('stage')
    expect(await rows(page).first().getAttribute('data-ace-id')).toBe(b.ace_id)
    await page.keyboard.press('ArrowRight')
    await eventually(() => new URL(page.url()).searchParams.get('field')).toBe('close_date')
    await page.getByRole('tab', { name: /^Customer name/ }).click()
    if (expected.counts.customer_name === 0)
      await page.getByRole('heading', { name: 'No customer name to change' }).waitFor()
    await page.reload()
    await eventually(() =>
      page.getByRole('tab', { name: /^Customer name/ }).getAttribute('aria-selected'),
    ).toBe('true')
    await screenshot(page, 'work-list-field', { fullPage: false })

    const downloading = page.waitForEvent('download')
    await page.getByTestId('work-list-csv').click()
    const download = await downloading
    const today = new Date().toISOString().slice(0, 10)
    expect(download.suggestedFilename()).toBe(`ace-work-list_${today}.csv`)
    const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(
      /^ace_id,customer,title,approved_by,field,ace_field,current_value,expected_value,why,/,
    )
    expect(lines).toHaveLength(expected.items.length + 1)
    await eventually(() => page.locator('.page-header [role="status"]').textContent()).toBe(
      `Downloaded ace-work-list_${today}.csv`,
    )
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
