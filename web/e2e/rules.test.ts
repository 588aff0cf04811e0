/// <reference lib="dom" />
// Browser tests of the Rules page (Chromium, the real server on demo data): the published ruleset in
// plain words, simulating an edit, invalid YAML, publishing version 2 and the diff between 1 and 2.
// The tests run in order: the first three publish nothing, the last publishes version 2.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, NO_CHROMIUM, screenshot, screenshotOf } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { openSignedIn } = session

/** The editor, once it holds the published YAML. */
async function openEditor(page: Page) {
  const editor = page.getByLabel('Ruleset YAML')
  await eventually(() => editor.inputValue()).toContain('spend_threshold: 5000')
  return { editor, yaml: await editor.inputValue() }
}

describe.skipIf(!hasChromium)(hasChromium ? 'the Rules page in Chromium' : NO_CHROMIUM, () => {
  it('lists the published versions and the rules in plain words with their thresholds', async () => {
    const { page, errors } = await openSignedIn('/rules')
    await page.getByRole('heading', { level: 1, name: 'Rules' }).waitFor()
    const versions = page.getByTestId('ruleset-version')
    await eventually(() => versions.count()).toBe(1)
    const first = (await versions.first().textContent()) ?? ''
    expect(first).toContain('Version 1')
    expect(first).toContain('Latest')
    expect(first).toContain('system')
    expect(first).toMatch(/[0-9a-f]{12}/)
    await eventually(() => page.getByTestId('version-header').textContent()).toContain(
      'Version 1 of ruleset pod',
    )

    // Thresholds with their units, and which rules use them.
    const threshold = page.getByTestId('parameters').locator('[data-parameter="spend_threshold"]')
    expect(await threshold.textContent()).toContain('$5,000')
    expect(await threshold.textContent()).toContain('Spend threshold')
    expect(await page.locator('tr[data-parameter="timeline_days"]').textContent()).toContain('90 days')

    const spend = page.locator('[data-rule="spend_threshold"]')
    const spendText = (await spend.textContent()) ?? ''
    for (const words of [
      'Spend threshold',
      'Critical',
      'Enabled',
      'Passes when',
      '$5,000',
      'Sent to review when',
    ])
      expect(spendText).toContain(words)
    expect(await spend.getByRole('heading', { level: 4 }).textContent()).toContain('Spend threshold')
    const timeline = (await page.locator('[data-rule="timeline"]').textContent()) ?? ''
    expect(timeline).toContain('Review')
    expect(timeline).toContain('90 days')
    expect(timeline).toContain('A failure sends the opportunity to a reviewer.')
    const launched = (await page.locator('[data-rule="discount_stage_launched"]').textContent()) ?? ''
    expect(launched).toContain('Disabled')
    expect(await page.getByRole('heading', { name: /Rules that apply \(7\)/ }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: /Disabled rules \(4\)/ }).isVisible()).toBe(true)

    await screenshot(page, 'rules-page')
    await screenshotOf(spend, 'rules-rule-card')

    // The tabs follow the arrow keys and the URL; with one version there is nothing to compare yet.
    await page.getByRole('tab', { name: 'Rules' }).focus()
    await page.keyboard.press('ArrowRight')
    await eventually(() => new URL(page.url()).searchParams.get('tab')).toBe('diff')
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('rules-tab-diff')
    await eventually(() => page.getByRole('heading', { name: 'Nothing to compare yet' }).isVisible()).toBe(
      true,
    )
    await screenshot(page, 'rules-viewport', { fullPage: false })
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('simulates an edited threshold: outcome counts before and after, and the opportunities that change', async () => {
    const { page, errors } = await openSignedIn('/rules?tab=edit')
    expect(await page.getByRole('tab', { name: 'Edit and simulate' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    const { editor, yaml } = await openEditor(page)
    // Today's decisions were taken as of the demo's anchor date: the simulation judges the same day.
    await eventually(() => page.getByLabel('Decisions as of').inputValue()).toBe('2026-11-01')
    await editor.fill(yaml.replace('spend_threshold: 5000', 'spend_threshold: 1'))
    expect(await page.locator('.editor-status').textContent()).toBe('Edited, not published')
    await page.getByRole('button', { name: 'Simulate', exact: true }).click()

    const counts = page.getByTestId('simulation-counts')
    await counts.waitFor()
    const rejected = counts.locator('tr[data-outcome="auto_reject"]')
    await eventually(async () => (await rejected.locator('td').allTextContents())[2]).toMatch(/^\+\d/)
    const changes = page.getByTestId('simulation-change')
    expect(await changes.count()).toBeGreaterThan(0)
    const firstChange = (await changes.first().textContent()) ?? ''
    expect(firstChange).toContain('Auto-rejected')
    expect(firstChange).toContain('Spend threshold: Pass → Fail')
    expect(await changes.first().getByRole('link').getAttribute('href')).toMatch(/^\/pod\/\d+$/)
    expect(await page.getByTestId('simulation-summary').textContent()).toContain(
      `${await changes.count()} would change`,
    )
    const parameterChange = page.getByTestId('simulation').locator('tr[data-parameter="spend_threshold"]')
    expect(await parameterChange.locator('del').textContent()).toBe('$5,000')
    expect(await parameterChange.locator('ins').textContent()).toBe('$1')
    await screenshot(page, 'rules-simulation')

    // The edit survives a reload; a further change marks the simulation stale.
    await page.reload()
    await eventually(() => page.getByLabel('Ruleset YAML').inputValue()).toContain('spend_threshold: 1\n')
    await page.getByRole('button', { name: 'Discard the edit' }).click()
    expect(await page.getByLabel('Ruleset YAML').inputValue()).toBe(yaml)

    // The published ruleset itself changes nothing.
    await page.getByRole('button', { name: 'Simulate', exact: true }).click()
    await page.getByTestId('simulation').waitFor()
    expect(await page.getByRole('heading', { name: 'No outcome would change' }).isVisible()).toBe(true)
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows invalid YAML and type errors next to the editor with their lines, publishing nothing', async () => {
    const { page, errors } = await openSignedIn('/rules?tab=edit')
    const { editor, yaml } = await openEditor(page)
    await editor.fill(yaml.replace('spend_threshold: 5000', 'spend_threshold: [5000'))
    await page.getByRole('button', { name: 'Simulate', exact: true }).click()
    const problems = page.getByTestId('ruleset-problems')
    await problems.waitFor()
    expect(await problems.getByRole('heading').textContent()).toBe(
      'The ruleset is not valid, so nothing was simulated',
    )
    const syntax = (await problems.textContent()) ?? ''
    expect(syntax).toContain('YAML syntax')
    expect(syntax).toMatch(/Line \d+/)
    expect(await editor.getAttribute('aria-invalid')).toBe('true')

    const broken = yaml.replace('pass: spend.amount < params.spend_threshold', 'pass: spend.amount < "x"')
    const line = broken.split('\n').findIndex((text) => text.includes('spend.amount < "x"')) + 1
    await editor.fill(broken)
    await page.getByRole('button', { name: 'Publish…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish version 2' }).click()
    await eventually(() => problems.getByRole('heading').textContent()).toBe(
      'The ruleset is not valid, so nothing was published',
    )
    const typed = (await problems.textContent()) ?? ''
    expect(typed).toContain('rules.spend_threshold.pass')
    expect(typed).toContain('no such overload')
    await problems.getByRole('button', { name: `Line ${line}` }).click()
    // The line is selected in the editor, and marked in the gutter.
    const selected = await page.evaluate(
      "(f => f.value.slice(f.selectionStart, f.selectionEnd))(document.getElementById('ruleset-yaml'))",
    )
    expect(selected).toContain('pass: spend.amount < "x"')
    expect(await page.locator('.yaml-gutter .error-line').first().textContent()).toBe(String(line))
    await screenshot(page, 'rules-invalid', { fullPage: false })

    await page.goto(`${session.server.url}/rules`)
    await eventually(() => page.getByTestId('ruleset-version').count()).toBe(1)
    expect(errors.filter((error) => !error.includes('400'))).toEqual([])
    await page.close()
  })

  it('publishes an edit as version 2 after a confirmation; the diff between 1 and 2 shows the change', async () => {
    const { page, errors } = await openSignedIn('/rules?tab=edit')
    const { editor, yaml } = await openEditor(page)
    await editor.fill(yaml.replace('spend_threshold: 5000', 'spend_threshold: 10000'))
    await page.getByRole('button', { name: 'Simulate', exact: true }).click()
    await page.getByTestId('simulation-counts').waitFor()
    await page.getByRole('button', { name: 'Publish…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish version 2 of pod?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('changing outcome')
    await screenshot(page, 'rules-publish-dialog', { fullPage: false })
    await dialog.getByRole('button', { name: 'Publish version 2' }).click()

    await eventually(() => page.getByTestId('publish-result').textContent()).toContain('Published version 2')
    const versions = page.getByTestId('ruleset-version')
    await eventually(() => versions.count()).toBe(2)
    expect(await versions.first().textContent()).toContain('Version 2')
    expect(await page.locator('.editor-status').textContent()).toBe('Unchanged')

    await page.getByRole('link', { name: 'See what changed' }).click()
    await eventually(() => new URL(page.url()).search).toBe('?tab=diff&from=1&to=2')
    const summary = page.getByTestId('diff-summary')
    await eventually(() => summary.textContent()).toBe('1 parameter changed')
    const row = page.getByTestId('parameter-changes').locator('tr[data-parameter="spend_threshold"]')
    expect(await row.locator('del').textContent()).toBe('$5,000')
    expect(await row.locator('ins').textContent()).toBe('$10,000')
    await screenshot(page, 'rules-diff')

    // The view is in the URL: a reload shows the same comparison.
    await page.reload()
    await eventually(() => page.getByTestId('diff-summary').textContent()).toBe('1 parameter changed')
    expect(await page.getByLabel('From').inputValue()).toBe('1')
    expect(await page.getByLabel('To').inputValue()).toBe('2')
    await page.getByLabel('From').selectOption('2')
    await eventually(() => page.getByText('Choose two different versions').isVisible()).toBe(true)

    // Each version shows its own thresholds.
    await versions
      .nth(1)
      .getByRole('link', { name: /Version 1/ })
      .click()
    await eventually(() => new URL(page.url()).searchParams.get('version')).toBe('1')
    await eventually(() => page.locator('tr[data-parameter="spend_threshold"]').textContent()).toContain(
      '$5,000',
    )
    await versions
      .first()
      .getByRole('link', { name: /Version 2/ })
      .click()
    await eventually(() => page.locator('tr[data-parameter="spend_threshold"]').textContent()).toContain(
      '$10,000',
    )
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a changed rule field by field, the changed words marked', async () => {
    const { page, errors } = await openSignedIn('/rules?tab=edit')
    const editor = page.getByLabel('Ruleset YAML')
    await eventually(() => editor.inputValue()).toContain('spend_threshold: 10000')
    const yaml = await editor.inputValue()
    const endUser = yaml.indexOf('- id: end_user_reporting')
    const edited =
      yaml.slice(0, endUser) +
      yaml
        .slice(endUser)
        .replace('severity: review', 'severity: critical')
        .replace('<= params.end_user_reporting_days', '<= params.end_user_reporting_days + 15')
    await editor.fill(edited.replace('timeline_days: 90', 'timeline_days: 120'))
    await page.getByRole('button', { name: 'Publish…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Publish version 3 of pod?' })
    expect(await dialog.textContent()).toContain('This edit has not been simulated.')
    await dialog.getByRole('button', { name: 'Publish version 3' }).click()
    await page.getByRole('link', { name: 'See what changed' }).click()

    const summary = page.getByTestId('diff-summary')
    await eventually(() => summary.textContent()).toBe('1 parameter changed · 1 rule changed')
    const timeline = page.getByTestId('parameter-changes').locator('tr[data-parameter="timeline_days"]')
    expect(await timeline.locator('del').textContent()).toBe('90 days')
    expect(await timeline.locator('ins').textContent()).toBe('120 days')
    const rule = page.locator('section[data-rule="end_user_reporting"]')
    const severity = rule.locator('tr[data-field="severity"]')
    expect(await severity.locator('del').textContent()).toBe('Review')
    expect(await severity.locator('ins').textContent()).toBe('Critical')
    expect(await rule.locator('tr[data-field="pass"] ins').allTextContents()).toEqual([' + 15'])
    await screenshot(page, 'rules-diff-rule')

    await page.getByRole('tab', { name: 'Rules' }).click()
    const card = page.locator('[data-rule="end_user_reporting"]')
    await eventually(() => card.locator('.rule-badges').textContent()).toContain('Critical')
    expect(await page.getByTestId('version-header').textContent()).toContain('Version 3')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so plainly when a version does not exist', async () => {
    const { page, errors } = await openSignedIn('/rules?version=99')
    const error = page.locator('.rules-panel .state.error')
    await eventually(() => error.textContent()).toContain('The ruleset could not be loaded')
    // Asking again cannot find it: no retry, but the versions that exist are listed beside it.
    expect(await error.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await eventually(() => page.getByTestId('ruleset-version').count()).toBe(3)
    await screenshot(page, 'rules-not-found', { fullPage: false })
    // Choosing a version that exists clears the error.
    await page.getByTestId('ruleset-version').last().getByRole('link').first().click()
    await eventually(() => page.getByTestId('version-header').isVisible()).toBe(true)
    await expectNoErrorStates(page)
    expect(errors.filter((error) => !error.includes('404'))).toEqual([])
    await page.close()
  })
})
