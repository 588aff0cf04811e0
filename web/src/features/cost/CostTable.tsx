// The table under the chart: the level's breakdown (grouped as chosen) or its figures per period, with
// the grouping, the switch between the two and the CSV export of exactly that table.
import { type AccessorWithLatest, createAsync, revalidate } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { Panel } from '../../ui/Panel.tsx'
import { Async, LoadingLines } from '../../ui/States.tsx'
import { BreakdownTable } from './BreakdownTable.tsx'
import type { StatePatch } from './CostControls.tsx'
import { type BillingTimeseries, type CsvRequest, getCostBreakdown, getCostTimeseries } from './cost.ts'
import { GRANULARITY_ADVERBS, GRANULARITY_LABELS, GROUP_LABELS, GROUP_TITLES } from './cost-labels.ts'
import {
  type BillingGroup,
  breakdownRequest,
  type CostQuery,
  type CostState,
  costSearch,
  currentGroup,
  drillInto,
  groupsAt,
  isTerminal,
} from './cost-state.ts'
import { ExportButton } from './ExportButton.tsx'
import { PeriodTable } from './PeriodTable.tsx'
import { ViewNotes } from './ViewContext.tsx'

export function CostTable(props: {
  state: CostState
  query: CostQuery
  series: AccessorWithLatest<BillingTimeseries | undefined>
  /** Notes the page already shows above (not repeated over the table). */
  shownNotes: () => readonly string[] | undefined
  href: (state: CostState) => string
  onChange: (patch: StatePatch) => void
}) {
  const request = () => breakdownRequest(props.state)
  const group = () => currentGroup(props.state)
  const showsPeriods = () => request() === null
  const breakdown = createAsync(async () => {
    const asked = request()
    return asked ? getCostBreakdown(props.query, asked) : undefined
  })
  const title = () => {
    const last = props.state.drill.at(-1)
    if (isTerminal(props.state) && last)
      return `${last.label} ${GRANULARITY_ADVERBS[props.state.granularity]}`
    if (showsPeriods()) return `Per ${GRANULARITY_LABELS[props.state.granularity].toLowerCase()}`
    return `By ${GROUP_TITLES[group()!]}`
  }
  // The export repeats the query the table was read with, sort included (the API may have chosen it).
  const csv = (): CsvRequest | undefined => {
    if (showsPeriods())
      return props.series.latest
        ? { view: 'timeseries', cost: props.query, granularity: props.state.granularity }
        : undefined
    const shown = breakdown.latest
    const asked = request()
    if (!shown || !asked) return undefined
    return {
      view: 'breakdown',
      cost: props.query,
      breakdown: { ...asked, sort: shown.sort as NonNullable<typeof asked.sort>, order: shown.order },
    }
  }

  return (
    <Panel
      id="cost-table"
      title={title()}
      subtitle={showsPeriods() ? 'The chart’s figures' : 'Open a row to drill down; ⟳ marks restated figures'}
      flush
      actions={
        <>
          <Show when={!isTerminal(props.state)}>
            <Show when={!showsPeriods()}>
              <label class="inline-field">
                Group by
                <select
                  value={group() ?? ''}
                  onChange={(event) =>
                    props.onChange({
                      group: event.currentTarget.value as BillingGroup,
                      sort: undefined,
                      order: undefined,
                    })
                  }
                >
                  <For each={groupsAt(props.state)}>
                    {(option) => <option value={option}>{GROUP_LABELS[option]}</option>}
                  </For>
                </select>
              </label>
            </Show>
            <fieldset class="toggle-group compact">
              <legend class="visually-hidden">Table</legend>
              <button
                type="button"
                class="button small"
                aria-pressed={!showsPeriods()}
                onClick={() => props.onChange({ view: 'breakdown' })}
              >
                Breakdown
              </button>
              <button
                type="button"
                class="button small"
                aria-pressed={showsPeriods()}
                onClick={() => props.onChange({ view: 'periods' })}
              >
                {`Per ${GRANULARITY_LABELS[props.state.granularity].toLowerCase()}`}
              </button>
            </fieldset>
          </Show>
          <ExportButton request={csv} what={title()} />
        </>
      }
    >
      <Async
        title="The table could not be loaded"
        onRetry={() => revalidate([getCostBreakdown.key, getCostTimeseries.key])}
        resetKey={costSearch(props.state)}
        fallback={<LoadingLines lines={10} height={22} label="Loading the table" />}
      >
        <Show
          when={showsPeriods()}
          fallback={
            <Show when={breakdown()}>
              {(loaded) => (
                <>
                  <ViewNotes
                    context={loaded().context}
                    shown={props.shownNotes()}
                    onUseBills={() => props.onChange({ invoiceBasis: 'bill', sort: undefined })}
                  />
                  <BreakdownTable
                    breakdown={loaded()}
                    state={props.state}
                    href={(step) => props.href(drillInto(props.state, step))}
                    onSort={(sort, order) => props.onChange({ sort, order })}
                    onLimit={(limit) => props.onChange({ limit })}
                    onClearSelection={() => props.onChange({ accounts: [], payers: [], customers: [] })}
                  />
                </>
              )}
            </Show>
          }
        >
          <Show when={props.series()}>
            {(loaded) => (
              <>
                <ViewNotes context={loaded().context} shown={props.shownNotes()} />
                <PeriodTable series={loaded()} title={title()} />
              </>
            )}
          </Show>
        </Show>
      </Async>
    </Panel>
  )
}
