// `/cost`: the Cost Explorer. AWS cost against what customers were invoiced for a selection of
// customers, payers and accounts, over months, quarters or years, in the chosen bases; a breakdown that
// drills down account → service or product → its series. All of it lives in the URL.
import {
  createAsync,
  type RouteDefinition,
  revalidate,
  useIsRouting,
  useNavigate,
  useSearchParams,
} from '@solidjs/router'
import { createMemo, Show, Suspense } from 'solid-js'
import { AccountPicker } from '../features/cost/AccountPicker.tsx'
import { COST_CHART_BOX, CostChart } from '../features/cost/CostChart.tsx'
import { CostComposition } from '../features/cost/CostComposition.tsx'
import { CostControls, type StatePatch } from '../features/cost/CostControls.tsx'
import { CostKpis } from '../features/cost/CostKpis.tsx'
import { CostTable } from '../features/cost/CostTable.tsx'
import { getCostBreakdown, getCostSummary, getCostTimeseries } from '../features/cost/cost.ts'
import { COST_BASIS_LABELS, GRANULARITY_ADVERBS } from '../features/cost/cost-labels.ts'
import {
  breakdownRequest,
  type CostQuery,
  type CostState,
  costQuery,
  costSearch,
  drillTo,
  readCostState,
  withSelection,
} from '../features/cost/cost-state.ts'
import { DrillBreadcrumbs } from '../features/cost/DrillBreadcrumbs.tsx'
import { ViewContext, ViewNotes } from '../features/cost/ViewContext.tsx'
import { apiKey } from '../lib/api-key.ts'
import { PageHeader, Panel } from '../ui/Panel.tsx'
import { Async, LoadingLines, Skeleton } from '../ui/States.tsx'

export const route = {
  preload: ({ location }) => {
    if (!apiKey()) return
    const state = readCostState(location.query)
    const query = costQuery(state)
    void getCostSummary(query)
    void getCostTimeseries(query, state.granularity)
    const breakdown = breakdownRequest(state)
    if (breakdown) void getCostBreakdown(query, breakdown)
  },
} satisfies RouteDefinition

const sameQuery = (a: CostQuery, b: CostQuery) => JSON.stringify(a) === JSON.stringify(b)

export default function CostPage() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const isRouting = useIsRouting()
  const state = createMemo(() => readCostState(params))
  const query = createMemo(() => costQuery(state()), undefined, { equals: sameQuery })
  const granularity = () => state().granularity
  const href = (next: CostState) => `/cost${costSearch(next)}`
  const go = (next: CostState) => navigate(href(next))
  const patch = (changes: StatePatch) => go({ ...state(), ...changes })
  const summary = createAsync(() => getCostSummary(query()))
  const series = createAsync(() => getCostTimeseries(query(), granularity()))
  // What the figures are (range, bases) for the period fields and the line above the figures; a failure
  // is shown with the figures, not here.
  const context = createAsync(() =>
    getCostSummary(query()).then(
      (loaded) => loaded.context,
      () => undefined,
    ),
  )
  const retry = () => revalidate([getCostSummary.key, getCostTimeseries.key, getCostBreakdown.key])
  // A section showing an error loads again as soon as the view changes (a 400 offers no retry).
  const view = () => costSearch(state())

  return (
    <div class="page cost-page">
      <PageHeader title="Cost" subtitle="AWS cost compared with what customers were invoiced" />
      <section class="panel cost-filters" aria-label="Selection, period and bases">
        <CostControls
          state={state()}
          period={() => context()?.period}
          onChange={patch}
          picker={
            <AccountPicker
              selection={state()}
              onChange={(selection) => go(withSelection(state(), selection))}
            />
          }
        />
      </section>
      <div class="view-bar">
        <DrillBreadcrumbs state={state()} href={(depth) => href(drillTo(state(), depth))} />
        <Suspense fallback={<Skeleton height={20} width="420px" />}>
          <Show when={context()}>{(loaded) => <ViewContext context={loaded()} />}</Show>
        </Suspense>
      </div>
      <div class="cost-body" aria-busy={isRouting()}>
        <Async
          framed
          title="The figures could not be loaded"
          onRetry={retry}
          resetKey={view()}
          fallback={<KpiPlaceholder />}
        >
          <Show when={summary()}>
            {(loaded) => (
              <ViewNotes
                context={loaded().context}
                onUseBills={() => patch({ invoiceBasis: 'bill', sort: undefined })}
              />
            )}
          </Show>
          <CostKpis summary={summary()} />
        </Async>
        <div class="grid grid-main-side">
          <Panel
            id="cost-over-time"
            title={`AWS cost and invoiced ${GRANULARITY_ADVERBS[granularity()]}`}
            subtitle="Bars side by side, the margin as a line; ⟳ marks periods restated after invoicing"
          >
            <Async
              title="The series could not be loaded"
              onRetry={retry}
              resetKey={view()}
              fallback={<Skeleton height={COST_CHART_BOX} />}
            >
              <Show when={series()}>{(loaded) => <CostChart series={loaded()} />}</Show>
            </Async>
          </Panel>
          <Panel
            id="cost-composition"
            title="How the AWS cost is made up"
            subtitle={`Shown: ${COST_BASIS_LABELS[state().basis].toLowerCase()}`}
          >
            <Async
              title="The cost could not be taken apart"
              onRetry={retry}
              resetKey={view()}
              fallback={<LoadingLines lines={13} height={16} label="Loading the cost" />}
            >
              <Show when={summary()}>{(loaded) => <CostComposition summary={loaded()} />}</Show>
            </Async>
          </Panel>
        </div>
        <CostTable
          state={state()}
          query={query()}
          series={series}
          shownNotes={() => summary()?.context.notes}
          href={href}
          onChange={patch}
        />
      </div>
    </div>
  )
}

function KpiPlaceholder() {
  return (
    <div class="cost-kpis">
      {[1, 2, 3, 4, 5].map(() => (
        <div class="panel kpi">
          <Skeleton height={14} width="40%" />
          <div class="kpi-value">
            <Skeleton height={26} width="70%" />
          </div>
        </div>
      ))}
    </div>
  )
}
