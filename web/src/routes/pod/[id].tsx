// `/pod/:id`: one decision under review. The queue's filters stay in the URL for next / previous.
import { A, createAsync, type RouteDefinition, revalidate, useParams, useSearchParams } from '@solidjs/router'
import { createMemo, Show } from 'solid-js'
import { DecisionDetail } from '../../features/pod/DecisionDetail.tsx'
import { getDecision } from '../../features/pod/pod.ts'
import { podSearch, readPodFilters } from '../../features/pod/pod-filters.ts'
import { apiKey } from '../../lib/api-key.ts'
import { PageHeader } from '../../ui/Panel.tsx'
import { Async, LoadingLines } from '../../ui/States.tsx'

export const route = {
  preload: ({ params }) => {
    if (apiKey() && params.id) void getDecision(params.id)
  },
} satisfies RouteDefinition

export default function DecisionPage() {
  const params = useParams<{ id: string }>()
  const [search] = useSearchParams()
  const filters = createMemo(() => readPodFilters(search))
  const decision = createAsync(() => getDecision(params.id))
  return (
    <div class="page">
      <Async
        framed
        title="This decision could not be loaded"
        onRetry={() => revalidate(getDecision.keyFor(params.id))}
        fallback={
          <>
            <PageHeader title="Loading the decision…" />
            <div class="grid grid-main-side">
              <div class="panel">
                <LoadingLines lines={12} height={18} label="Loading the decision" />
              </div>
              <div class="panel">
                <LoadingLines lines={6} height={18} />
              </div>
            </div>
          </>
        }
      >
        <Show when={decision()}>{(d) => <DecisionDetail decision={d()} filters={filters()} />}</Show>
      </Async>
      <p style={{ 'margin-top': '16px' }}>
        <A href={`/pod${podSearch(filters())}`}>← Back to the review queue</A>
      </p>
    </div>
  )
}
