// The Write-backs page's status tabs, each with how many writes it holds (the choice lives in the URL).
import { createAsync } from '@solidjs/router'
import { Show, Suspense } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'
import { WRITE_BACK_STATUS_LABELS, WRITE_BACK_STATUSES, type WriteBackStatus } from '../../lib/labels.ts'
import { Tabs } from '../../ui/Tabs.tsx'
import { getWriteBackCounts, type WriteBackCounts } from './write-back.ts'

export type WriteBackTab = WriteBackStatus | 'all'

const TABS: readonly WriteBackTab[] = ['all', ...WRITE_BACK_STATUSES]

export const tabId = (tab: WriteBackTab) => `write-backs-tab-${tab}`
export const tabPanelId = (tab: WriteBackTab) => `write-backs-panel-${tab}`

export function WriteBackTabs(props: {
  tab: WriteBackTab
  aceId: string | undefined
  onSelect: (tab: WriteBackTab) => void
}) {
  // A failure shows in the list below (it reads the same API); the tabs then just go without counts.
  const counts = createAsync(() => getWriteBackCounts(props.aceId).catch(() => null))
  return (
    <Tabs
      tabs={TABS}
      selected={props.tab}
      onSelect={(tab) => props.onSelect(tab)}
      label="Write-backs by status"
      tabId={tabId}
      panelId={tabPanelId}
    >
      {(tab) => (
        <>
          {tab === 'all' ? 'All' : WRITE_BACK_STATUS_LABELS[tab]}
          <Suspense>
            <Show when={counts()}>
              {(loaded) => (
                <span class="tab-count" data-testid={`count-${tab}`}>
                  {formatNumber(countOf(loaded(), tab))}
                </span>
              )}
            </Show>
          </Suspense>
        </>
      )}
    </Tabs>
  )
}

function countOf(counts: WriteBackCounts, tab: WriteBackTab): number {
  return tab === 'all' ? Object.values(counts).reduce((sum, n) => sum + n, 0) : counts[tab]
}
