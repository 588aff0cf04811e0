// Browser tests of the Cost Explorer (/cost) on the demo data: AWS cost against invoices with its
// charts and bases, the picker, drill-down to a service's monthly series, the CSV of what is on screen,
// restated months and the empty state. Screenshots land in web/test-results/cost-*.png.
import { readFile } from 'node:fs/promises'
import { parseCsvObjects } from '@revops/lab/deepmatcher'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, NO_CHROMIUM, screenshot } from './support/chromium.ts'
import { eventually, expectNoErrorStates, useUiSession } from './support/ui-session.ts'

const session = useUiSession()
const { openSignedIn } = session

/** The API's answer for a billing route, read with the session's key (what the page should show). */
async function api(path: string): Promise<any> {
  const response = await fetch(`${session.server.url}/api/v1/billing/${path}`, {
    headers: { authorization: `Bearer ${session.server.key}` },
  })
  return ((await response.json()) as any).data
}

/** The table's rows as [label, cost, invoice] (raw decimals, as the API gives them). */
async function tableRows(page: Page, table: string): Promise<string[][]> {
  const rows = page.locator(`[data-testid="${table}"] tbody tr, [data-testid="${table}"] tfoot tr`)
  return rows.evaluateAll((found) =>
    found.map((row) => {
      const cell = row.querySelector('[data-col="label"]')
      // A group's name without what follows it (the link's hidden words, the account number).
      const link = cell?.querySelector('.group-label')
      const name = link
        ? [...link.childNodes]
            .filter((node) => node.nodeType === 3) // text, not the renderer's comment markers
            .map((node) => node.textContent)
            .join('')
        : (cell?.textContent ?? '')
      return [
        name.trim(),
        row.querySelector('[data-col="cost"]')?.getAttribute('data-value') ?? '',
        row.querySelector('[data-col="invoice"]')?.getAttribute('data-value') ?? '',
      ]
    }),
  )
}

async function downloadCsv(page: Page): Promise<{ name: string; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ])
  return {
    name: download.suggestedFilename(),
    rows: parseCsvObjects(await readFile((await download.path())!, 'utf8')),
  }
}

describe.skipIf(!hasChromium)(hasChromium ? 'the Cost Explorer in Chromium' : NO_CHROMIUM, () => {
  it('shows AWS cost against invoices: figures, chart, how the cost is made up, the bases in words', async () => {
    // Up to the latest month with AWS cost (the default range ends at the last invoiced month, one before).
    const { page, errors } = await openSignedIn('/cost?to=2026-10')
    await page.getByRole('heading', { level: 1, name: 'Cost' }).waitFor()
    await page.locator('#cost-over-time canvas').waitFor()
    await page.getByTestId('breakdown-row').first().waitFor()
    const summary = await api('summary?to=2026-10')
    expect(summary.context.invoiced_through).toBe('2026-09')
    const money = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
    })
    await eventually(() => page.getByTestId('kpi-cost').textContent()).toContain(
      money.format(Number(summary.totals.cost)),
    )
    expect(await page.getByTestId('kpi-cost').textContent()).toContain('Net of credits')
    expect(await page.getByTestId('kpi-invoice').textContent()).toContain('Final invoices')
    expect(await page.getByTestId('context-basis').textContent()).toContain('net of credits')
    expect(await page.getByTestId('context-invoice-basis').textContent()).toContain('final invoices')
    expect(await page.getByRole('radio', { name: 'Net of credits' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Final invoices' }).isChecked()).toBe(true)
    // October is charged by AWS but not invoiced yet: the margin turns negative, said in words, not only
    // in red, and the API's note says why.
    expect(summary.totals.negative).toBe(true)
    await eventually(() => page.getByText('Nothing is invoiced after 2026-09 yet').isVisible()).toBe(true)
    expect(await page.getByTestId('kpi-margin').textContent()).toContain('Negative margin')
    const negativeRows = page.locator('[data-testid="breakdown-row"].negative-row')
    expect(await negativeRows.first().locator('[data-col="margin"]').textContent()).toContain(
      'negative margin',
    )
    expect(await page.getByTestId('composition').locator('tr[aria-current="true"]').textContent()).toContain(
      'Net of credits',
    )
    const chartLabel = await page.locator('#cost-over-time canvas').getAttribute('aria-label')
    expect(chartLabel).toContain('AWS cost and invoiced per month')
    await screenshot(page, 'cost-explorer')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('changes the basis and the granularity: the figures and the URL follow, reload and back keep them', async () => {
    const { page, errors } = await openSignedIn('/cost')
    const cost = page.getByTestId('kpi-cost').locator('.kpi-value')
    await eventually(() => cost.textContent()).toMatch(/\$\d/)
    const net = await cost.textContent()

    await page.getByRole('radio', { name: 'Gross' }).check()
    await eventually(() => page.url()).toContain('basis=gross')
    await eventually(() => cost.textContent()).not.toBe(net)
    const gross = await api('summary?basis=gross')
    expect(Number((await cost.textContent())!.replace(/[^0-9.]/g, ''))).toBeCloseTo(
      Number(gross.totals.cost),
      1,
    )
    await eventually(() => page.getByTestId('context-basis').textContent()).toContain('gross')
    expect(await page.getByTestId('composition').locator('tr[aria-current="true"]').textContent()).toContain(
      'Gross',
    )

    await page.getByRole('radio', { name: 'Quarter' }).check()
    await eventually(() => page.url()).toContain('granularity=quarter')
    await page.getByRole('button', { name: 'Per quarter' }).click()
    await eventually(() => page.getByTestId('period-row').count()).toBe(4)
    // The default range: the 12 months up to the last invoiced month (September 2026).
    expect(await page.getByTestId('period-row').locator('[data-col="label"]').allTextContents()).toEqual([
      'Q4 2025',
      'Q1 2026',
      'Q2 2026',
      'Q3 2026',
    ])
    expect(await page.getByRole('heading', { name: 'AWS cost and invoiced per quarter' }).isVisible()).toBe(
      true,
    )
    await screenshot(page, 'cost-quarter', { fullPage: false })

    // From and to in quarters: the range narrows to what was chosen.
    await page.getByLabel('From').selectOption('2026-Q3')
    await eventually(() => page.url()).toContain('from=2026-Q3')
    await eventually(() => page.getByTestId('period-row').count()).toBe(1)

    await page.reload()
    await eventually(() => page.getByTestId('period-row').count()).toBe(1)
    expect(await page.getByRole('radio', { name: 'Gross' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Quarter' }).isChecked()).toBe(true)

    await page.goBack()
    await eventually(() => page.getByTestId('period-row').count()).toBe(4)
    await page.goBack()
    await page.goBack()
    await eventually(() => page.getByRole('radio', { name: 'Month' }).isChecked()).toBe(true)
    expect(new URL(page.url()).search).toBe('?basis=gross')
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('picks customers and accounts in the searchable picker', async () => {
    const { page, errors } = await openSignedIn('/cost')
    await page.getByTestId('breakdown-row').first().waitFor()
    const everything = await page.getByTestId('kpi-cost').locator('.kpi-value').textContent()
    await page.getByRole('button', { name: 'All accounts' }).click()
    await page.getByLabel('Search customers and accounts').fill('Gulf Coast Labs')
    const customer = page.getByRole('checkbox', { name: /^Customer Gulf Coast Labs/ })
    await customer.waitFor()
    // The search narrows the list as typed (the server searches names, aliases and numbers).
    await eventually(() => page.getByTestId('picker-customers').locator(':scope > li').count()).toBe(1)
    await screenshot(page, 'cost-picker', { fullPage: false })
    await customer.check()
    await eventually(() => page.url()).toMatch(/customers=\d+/)
    await page.keyboard.press('Escape')
    await eventually(() => page.getByTestId('selection-chip').textContent()).toContain('Gulf Coast Labs')
    await eventually(() => page.getByTestId('kpi-cost').locator('.kpi-value').textContent()).not.toBe(
      everything,
    )
    expect(await page.getByTestId('breakdown-row').count()).toBe(1)
    expect(await page.getByRole('button', { name: '1 selected' }).getAttribute('aria-expanded')).toBe('false')

    await page.getByRole('button', { name: /^Remove customer Gulf Coast Labs/ }).click()
    await eventually(() => page.url()).not.toContain('customers=')
    await eventually(() => page.getByTestId('kpi-cost').locator('.kpi-value').textContent()).toBe(everything)
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('drills down account → AWS service → its monthly series, with breadcrumbs back', async () => {
    const { page, errors } = await openSignedIn('/cost?invoice_basis=bill&group=account&limit=500')
    const rows = page.getByTestId('breakdown-row')
    await rows.first().waitFor()
    expect(await page.getByRole('combobox', { name: 'Group by' }).inputValue()).toBe('account')
    // An account restated after invoicing, so its series has a marked month.
    const account = rows.filter({ has: page.getByTestId('restated') }).first()
    const accountName = (await account.locator('.group-label').textContent())!.replace(/:\s*open .*$/, '')
    await account.locator('a').click()
    const crumbs = page.getByTestId('breadcrumbs')
    await eventually(() => crumbs.locator('[aria-current="page"]').textContent()).toBe(accountName)
    await eventually(() => page.getByRole('combobox', { name: 'Group by' }).inputValue()).toBe('service')
    await page.getByRole('heading', { name: 'By AWS service' }).waitFor()
    await screenshot(page, 'cost-drill-account')

    const service = rows.filter({ has: page.getByTestId('restated') }).first()
    const serviceName = (await service.locator('.group-label').textContent())!.replace(/:\s*open .*$/, '')
    await service.click()
    await page.getByRole('heading', { name: `${serviceName} per month` }).waitFor()
    expect(await crumbs.locator('li').allTextContents()).toEqual([
      'All accounts',
      `Account${accountName}`,
      `AWS service${serviceName}`,
    ])
    expect(page.url()).toContain('view=periods')
    const periods = page.getByTestId('period-row')
    await eventually(() => periods.count()).toBe(12)
    const restated = await periods
      .filter({ has: page.getByTestId('restated') })
      .evaluateAll((found) => found.map((row) => row.getAttribute('data-period')))
    expect(restated.length).toBeGreaterThan(0)
    const series = await api(
      `timeseries?invoice_basis=bill&accounts=${
        new URL(page.url()).searchParams.getAll('drill')[0]!.split(':')[1]
      }&services=${encodeURIComponent(serviceName)}`,
    )
    expect(restated).toEqual(series.totals.filter((p: any) => p.restated).map((p: any) => p.period))
    expect(await page.getByTestId('chart-restated').textContent()).toContain('Restated after invoicing')
    await page.locator('#cost-over-time canvas').waitFor()
    await screenshot(page, 'cost-drill-series')

    // Back to the account, then to the top, by the breadcrumbs; the browser's back returns.
    await crumbs.getByRole('link', { name: accountName }).click()
    await page.getByRole('heading', { name: 'By AWS service' }).waitFor()
    await crumbs.getByRole('link', { name: 'All accounts' }).click()
    await page.getByRole('heading', { name: 'By account' }).waitFor()
    expect(new URL(page.url()).searchParams.getAll('drill')).toEqual([])
    await page.goBack()
    await page.getByRole('heading', { name: 'By AWS service' }).waitFor()
    await page.goBack()
    await page.getByRole('heading', { name: `${serviceName} per month` }).waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('exports exactly the rows on screen as CSV, breakdown and series alike', async () => {
    const { page, errors } = await openSignedIn('/cost?invoice_basis=bill&sort=margin&order=asc')
    await page.getByTestId('breakdown-row').first().waitFor()
    const shown = await tableRows(page, 'breakdown')
    const breakdown = await downloadCsv(page)
    expect(breakdown.name).toMatch(/^billing-by-customer_\d{4}-\d{2}_\d{4}-\d{2}\.csv$/)
    // The screen says what "Other" holds ("Other (9 customers)"), the file counts them ("Other (9)").
    const onScreen = shown.map(([label, ...figures]) => [
      label!.replace(/^Other \((\d+) .*\)$/, 'Other ($1)'),
      ...figures,
    ])
    expect(breakdown.rows.map((row) => [row.label!, row.cost!, row.invoice!])).toEqual(onScreen)
    expect(breakdown.rows.at(-1)!.label).toBe('Total')
    expect(new Set(breakdown.rows.map((row) => `${row.cost_basis}/${row.invoice_basis}`))).toEqual(
      new Set(['net/bill']),
    )
    await eventually(() =>
      page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent(),
    ).toContain(breakdown.name)

    await page.getByRole('radio', { name: 'Quarter' }).check()
    await page.getByRole('button', { name: 'Per quarter' }).click()
    // Staging bills exist for October already: with them the default range runs to October.
    await eventually(() => page.getByTestId('period-row').count()).toBe(5)
    const periods = await tableRows(page, 'periods')
    const series = await downloadCsv(page)
    expect(series.name).toMatch(/^billing-timeseries_/)
    expect(series.rows.map((row) => row.period)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ])
    expect(series.rows.map((row) => [row.cost!, row.invoice!])).toEqual(periods.map((row) => row.slice(1)))
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('marks the months restated after invoicing in the chart, the figures and the tables', async () => {
    const { page, errors } = await openSignedIn('/cost?view=periods')
    const series = await api('timeseries')
    const expected = series.totals.filter((p: any) => p.restated).map((p: any) => p.period)
    // The demo's cost and usage report restates some months late (credits, refunds, usage).
    expect(expected.length).toBeGreaterThan(0)
    await page.getByTestId('period-row').first().waitFor()
    const marked = await page
      .getByTestId('period-row')
      .filter({ has: page.getByTestId('restated') })
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-period')))
    expect(marked).toEqual(expected)
    const legend = await page.getByTestId('chart-restated').textContent()
    for (const period of expected) {
      const [year, month] = period.split('-')
      const name = new Date(Number(year), Number(month) - 1).toLocaleString('en-US', { month: 'short' })
      expect(legend).toContain(`${name} ${year}`)
    }
    expect(await page.locator('#cost-over-time canvas').getAttribute('aria-label')).toContain(
      'restated after invoicing',
    )
    expect(await page.getByTestId('kpi-restated').textContent()).toContain(`${expected.length} months`)
    // The breakdown marks the groups with a restated month, with how many.
    await page.getByRole('button', { name: 'Breakdown' }).click()
    await page.getByTestId('breakdown-total').waitFor()
    expect(await page.getByTestId('breakdown-total').getByTestId('restated').textContent()).toContain(
      `×${expected.length}`,
    )
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('says so when a selection has no figures in the period', async () => {
    const accounts = await api('accounts?q=Gulf%20Coast')
    const customer = accounts.customers[0].id
    const { page, errors } = await openSignedIn(`/cost?customers=${customer}&from=2021-01&to=2021-12`)
    await page.getByRole('heading', { name: 'No AWS cost or invoices in this period' }).waitFor()
    await page.getByRole('heading', { name: 'No customers with figures in this period' }).waitFor()
    expect(await page.getByTestId('kpi-cost').locator('.kpi-value').textContent()).toBe('$0')
    expect(await page.getByTestId('context-period').textContent()).toContain('Jan 2021 – Dec 2021')
    await screenshot(page, 'cost-empty', { fullPage: false })
    await page.getByRole('button', { name: 'Show every account' }).click()
    await eventually(() => page.url()).not.toContain('customers=')
    await page.getByRole('button', { name: 'Last 12 months' }).click()
    await page.getByTestId('breakdown-row').first().waitFor()
    await expectNoErrorStates(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows what the API refused, and loads again once the selection changes', async () => {
    const { page, errors } = await openSignedIn('/cost?accounts=999999')
    await page.getByRole('heading', { name: 'The figures could not be loaded' }).waitFor()
    expect(await page.getByRole('alert').first().textContent()).toContain('unknown account 999999')
    await screenshot(page, 'cost-error', { fullPage: false })
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await page.getByTestId('breakdown-row').first().waitFor()
    await expectNoErrorStates(page)
    // The only console errors: the browser reporting the 400s it was answered.
    expect(errors.filter((error) => !error.includes('400'))).toEqual([])
    await page.close()
  })
})
