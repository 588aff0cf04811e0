// `/work-list`: the ACE work list — what the ACE opportunities approved for POD still need in ACE, by
// field (kept in the URL as `?field=`), with a CSV download of the same list.
import { type RouteDefinition, revalidate, useSearchParams } from '@solidjs/router'
import { createSignal } from 'solid-js'
import { WorkListView } from '../features/work-list/WorkListView.tsx'
import { downloadWorkListCsv, getWorkList } from '../features/work-list/work-list.ts'
import { readFieldFilter } from '../features/work-list/work-list-labels.ts'
import { apiKey } from '../lib/api-key.ts'
import { PageHeader } from '../ui/Panel.tsx'
import { Async, LoadingLines } from '../ui/States.tsx'

export const route = {
  preload: () => {
    if (apiKey()) void getWorkList()
  },
} satisfies RouteDefinition

const refresh = () => revalidate(getWorkList.key)

export default function WorkListPage() {
  const [params, setParams] = useSearchParams()
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null)
  const download = async () => {
    setMessage(null)
    try {
      setMessage({ text: `Downloaded ${await downloadWorkListCsv()}`, error: false })
    } catch (error) {
      setMessage({ text: `The download failed: ${(error as Error).message}`, error: true })
    }
  }
  return (
    <div class="page">
      <PageHeader
        title="ACE work list"
        subtitle="What the partner still has to change in ACE for the opportunities approved for POD, and why"
        actions={
          <>
            <span class={message()?.error ? 'export-status error' : 'export-status'} role="status">
              {message()?.text}
            </span>
            <button type="button" class="button" onClick={refresh}>
              Refresh
            </button>
            <button type="button" class="button" onClick={() => void download()} data-testid="work-list-csv">
              <span aria-hidden="true">⤓</span> Download CSV
            </button>
          </>
        }
      />
      <section class="panel" aria-label="ACE work list">
        <Async
          title="The work list could not be loaded"
          onRetry={refresh}
          fallback={<LoadingLines lines={8} height={24} label="Loading the work list" />}
        >
          <WorkListView field={readFieldFilter(params.field)} onField={(field) => setParams({ field })} />
        </Async>
      </section>
    </div>
  )
}
