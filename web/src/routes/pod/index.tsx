// `/pod`: the POD review queue. Filters, search and sort live in the URL; the table reads pages of
// GET /api/v1/decisions.
import { type RouteDefinition, revalidate, useSearchParams } from '@solidjs/router'
import { createMemo } from 'solid-js'
import { PageHeader } from '../../components/Panel.tsx'
import { CLEARED_FILTERS, PodFilterBar } from '../../components/pod/PodFilterBar.tsx'
import { PodTable } from '../../components/pod/PodTable.tsx'
import { Async, LoadingLines } from '../../components/States.tsx'
import { apiKey } from '../../lib/api-key.ts'
import { listDecisions } from '../../lib/pod.ts'
import { readPodFilters } from '../../lib/pod-filters.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'

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
