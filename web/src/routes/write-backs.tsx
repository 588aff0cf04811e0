// `/write-backs`: the confirmed links written back to AWS Partner Central, by status, with the batch
// approval and the exact request of each write. Status tab and ACE id live in the URL; the list reads
// pages of GET /api/v1/write-backs.
import { A, type RouteDefinition, revalidate, useSearchParams } from '@solidjs/router'
import { createMemo, Show } from 'solid-js'
import { WriteBackTable } from '../features/write-back/WriteBackTable.tsx'
import { tabId, tabPanelId, WriteBackTabs } from '../features/write-back/WriteBackTabs.tsx'
import { getWriteBackCounts, listWriteBacks } from '../features/write-back/write-back.ts'
import { readWriteBackFilters } from '../features/write-back/write-back-filters.ts'
import { apiKey } from '../lib/api-key.ts'
import { PageHeader } from '../ui/Panel.tsx'
import { Async, LoadingLines } from '../ui/States.tsx'

export const route = {
  preload: ({ location }) => {
    if (!apiKey()) return
    const filters = readWriteBackFilters(Object.fromEntries(new URLSearchParams(location.search)))
    void listWriteBacks(filters)
    void getWriteBackCounts(filters.ace_id)
  },
} satisfies RouteDefinition

const refresh = () => revalidate([listWriteBacks.key, getWriteBackCounts.key])

export default function WriteBacksPage() {
  const [params, setParams] = useSearchParams()
  const filters = createMemo(() => readWriteBackFilters(params))
  const tab = () => filters().status ?? 'all'
  return (
    <div class="page">
      <PageHeader
        title="Write-backs"
        subtitle="Confirmed links written to AWS Partner Central: the Odoo id becomes the opportunity's PartnerOpportunityIdentifier"
        actions={
          <button type="button" class="button" onClick={refresh}>
            Refresh
          </button>
        }
      />
      <section class="panel" aria-label="Write-backs">
        <Show when={filters().ace_id}>
          {(aceId) => (
            <p class="notice write-backs-scope" role="status">
              <span>
                The write-backs of ACE <span class="mono">{aceId()}</span> only (
                <A href={`/pod/ace/${encodeURIComponent(aceId())}`}>its POD review</A>).
              </span>
              <button type="button" class="button small" onClick={() => setParams({ ace_id: undefined })}>
                Show every write-back
              </button>
            </p>
          )}
        </Show>
        <WriteBackTabs
          tab={tab()}
          aceId={filters().ace_id}
          onSelect={(selected) => setParams({ status: selected === 'all' ? undefined : selected })}
        />
        <div role="tabpanel" id={tabPanelId(tab())} aria-labelledby={tabId(tab())}>
          <Async
            title="The write-backs could not be loaded"
            onRetry={refresh}
            fallback={<LoadingLines lines={8} height={24} label="Loading the write-backs" />}
          >
            <WriteBackTable
              filters={filters()}
              onShowAll={() => setParams({ status: undefined, ace_id: undefined })}
            />
          </Async>
        </div>
      </section>
    </div>
  )
}
