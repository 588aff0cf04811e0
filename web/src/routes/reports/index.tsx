// `/reports`: the monthly POD reports kept for the tenant, newest first, with their page and CSV, and
// "Make report now" (the report job; the list shows the report once it is kept).
import { type RouteDefinition, revalidate } from '@solidjs/router'
import { MakeReport } from '../../features/reports/MakeReport.tsx'
import { ReportsTable } from '../../features/reports/ReportsTable.tsx'
import { listReports } from '../../features/reports/reports.ts'
import { apiKey } from '../../lib/api-key.ts'
import { PageHeader } from '../../ui/Panel.tsx'
import { Async, LoadingLines } from '../../ui/States.tsx'

export const route = {
  preload: () => {
    if (apiKey()) void listReports()
  },
} satisfies RouteDefinition

const refresh = () => revalidate(listReports.key)

export default function ReportsPage() {
  return (
    <div class="page">
      <PageHeader
        title="Reports"
        subtitle="Monthly POD reports: what stands approved, in review and rejected, why, the spend at stake and what changed"
        actions={<MakeReport />}
      />
      <section class="panel" aria-label="Reports">
        <Async
          title="The reports could not be loaded"
          onRetry={refresh}
          fallback={<LoadingLines lines={6} height={28} label="Loading the reports" />}
        >
          <ReportsTable />
        </Async>
      </section>
    </div>
  )
}
