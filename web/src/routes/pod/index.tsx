// `/pod`: the POD review queue. Filters, search and sort live in the URL; the table reads pages of
// GET /api/v1/decisions.
import { type RouteDefinition, revalidate, useSearchParams } from '@solidjs/router'
import { createMemo } from 'solid-js'
import { CLEARED_FILTERS, PodFilterBar } from '../../features/pod/PodFilterBar.tsx'
import { PodTable } from '../../features/pod/PodTable.tsx'
import { listDecisions } from '../../features/pod/pod.ts'
import { readPodFilters } from '../../features/pod/pod-filters.ts'
import { apiKey } from '../../lib/api-key.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { PageHeader } from '../../ui/Panel.tsx'
import { Async, LoadingLines } from '../../ui/States.tsx'

export const route = {
  preload: ({ location }) => {
    if (apiKey()) void listDecisions(readPodFilters(Object.fromEntries(new URLSearchParams(location.search))))
  },
} satisfies RouteDefinition

export default function PodPage() {
  const [params, setParams] = useSearchParams()
  const filters = createMemo(() => readPodFilters(params))
  let search: HTMLInputElement | undefined
  useShortcuts(() => [{ key: '/', run: () => search?.focus() }])
  return (
    <div class="page">
      <PageHeader
        title="POD review"
        subtitle="The current decision of every ACE opportunity, with the rules behind it and its best Odoo match"
      />
      <div class="panel">
        <PodFilterBar
          filters={filters()}
          onChange={(patch) => setParams(patch)}
          searchRef={(element) => {
            search = element
          }}
        />
        <Async
          title="The review queue could not be loaded"
          onRetry={() => revalidate(listDecisions.key)}
          fallback={<LoadingLines lines={12} height={24} label="Loading the review queue" />}
        >
          <PodTable
            filters={filters()}
            onSort={(sort, order) => setParams({ sort, order })}
            onClearFilters={() => setParams(CLEARED_FILTERS)}
          />
        </Async>
      </div>
    </div>
  )
}
