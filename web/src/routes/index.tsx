// `/`: the dashboard. Figures from GET /api/v1/dashboard, jobs from GET /api/v1/jobs (live).
import { createAsync, type RouteDefinition, revalidate } from '@solidjs/router'
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js'
import { ActiveJobs } from '../features/dashboard/ActiveJobs.tsx'
import { DataQualityTable } from '../features/dashboard/DataQualityTable.tsx'
import { DECISIONS_CHART_HEIGHT, DecisionsChart } from '../features/dashboard/DecisionsChart.tsx'
import { getDashboard, getJobs, getNotifications, getSchedules } from '../features/dashboard/dashboard.ts'
import { JobsList } from '../features/dashboard/JobsList.tsx'
import { Kpis } from '../features/dashboard/Kpis.tsx'
import { MATCH_CHART_HEIGHT, MatchQuality } from '../features/dashboard/MatchQuality.tsx'
import { NotificationsList } from '../features/dashboard/NotificationsList.tsx'
import { SchedulesTable } from '../features/dashboard/SchedulesTable.tsx'
import { STAGE_CHART_HEIGHT, StageCharts } from '../features/dashboard/StageCharts.tsx'
import { SyncsTable } from '../features/dashboard/SyncsTable.tsx'
import { apiKey } from '../lib/api-key.ts'
import { PageHeader, Panel } from '../ui/Panel.tsx'
import { ErrorState, LoadingLines, Skeleton } from '../ui/States.tsx'

export const route = {
  preload: () => {
    if (!apiKey()) return
    void getDashboard()
    void getJobs()
    void getSchedules()
    void getNotifications()
  },
} satisfies RouteDefinition

const refresh = () => revalidate([getDashboard.key, getJobs.key, getSchedules.key, getNotifications.key])

/** A panel body that waits for the figures with a placeholder of its own size. */
function Loads(props: { height: number; children: JSX.Element }) {
  return <Suspense fallback={<Skeleton height={props.height} />}>{props.children}</Suspense>
}

export default function DashboardPage() {
  const dashboard = createAsync(() => getDashboard())
  const isEmpty = () => dashboard()?.opportunities.ace === 0 && dashboard()?.opportunities.odoo === 0
  return (
    <div class="page">
      <PageHeader
        title="Dashboard"
        subtitle="Opportunities, POD decisions, match and data quality of the tenant"
        actions={
          <>
            <Suspense>
              <ActiveJobs />
            </Suspense>
            <button type="button" class="button" onClick={refresh}>
              Refresh
            </button>
          </>
        }
      />
      <ErrorBoundary
        fallback={(error, reset) => (
          <div class="panel">
            <ErrorState
              error={error}
              title="The dashboard could not be loaded"
              onRetry={() => {
                void refresh()
                reset()
              }}
            />
          </div>
        )}
      >
        <Suspense>
          <Show when={isEmpty()}>
            <p class="notice" role="status" style={{ 'margin-bottom': '16px' }}>
              No data yet. The first pipeline run (sync, normalise, embed, match, rules) fills this page; its
              progress shows under Jobs.
            </p>
          </Show>
        </Suspense>
        <Kpis dashboard={dashboard()} />
        <div class="grid grid-2">
          <Panel
            id="decisions"
            title="Decisions by outcome"
            subtitle="Current decision of every ACE opportunity, per day"
          >
            <Loads height={DECISIONS_CHART_HEIGHT + 28}>
              <DecisionsChart dashboard={dashboard()} />
            </Loads>
          </Panel>
          <Panel
            id="match-quality"
            title="Match quality"
            subtitle="ACE opportunities by the band of their Odoo link"
          >
            <Loads height={MATCH_CHART_HEIGHT}>
              <MatchQuality dashboard={dashboard()} />
            </Loads>
          </Panel>
        </div>
        <div class="grid">
          <Panel id="stages" title="Opportunities by source and stage">
            <Loads height={STAGE_CHART_HEIGHT + 26}>
              <StageCharts dashboard={dashboard()} />
            </Loads>
          </Panel>
        </div>
        <div class="grid grid-2">
          <Panel
            id="data-quality"
            title="Data-quality issues"
            subtitle="Open issues found while normalising"
            flush
          >
            <Suspense fallback={<LoadingLines lines={6} />}>
              <DataQualityTable dashboard={dashboard()} />
            </Suspense>
          </Panel>
          <div class="stack">
            <Panel id="jobs" title="Jobs" subtitle="Running and recent work, live" flush>
              <Suspense fallback={<LoadingLines lines={3} />}>
                <JobsList onFinished={refresh} />
              </Suspense>
            </Panel>
            <Panel id="syncs" title="Last syncs" flush>
              <Suspense fallback={<LoadingLines lines={4} />}>
                <SyncsTable dashboard={dashboard()} />
              </Suspense>
            </Panel>
            <Panel id="schedules" title="Schedules" subtitle="What runs by itself (tenant.yaml)" flush>
              <Suspense fallback={<LoadingLines lines={2} />}>
                <SchedulesTable />
              </Suspense>
            </Panel>
            <Panel id="notifications" title="Notifications" subtitle="What the channels were told" flush>
              <Suspense fallback={<LoadingLines lines={2} />}>
                <NotificationsList />
              </Suspense>
            </Panel>
          </div>
        </div>
      </ErrorBoundary>
    </div>
  )
}
