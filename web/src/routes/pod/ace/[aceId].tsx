// `/pod/ace/:aceId`: an ACE opportunity by its id, as other pages link to it (they know the ACE id, not
// the decision): opens its current decision under review, in place of this address.
import { A, createAsync, type RouteDefinition, revalidate, useNavigate, useParams } from '@solidjs/router'
import { createEffect, Show } from 'solid-js'
import { findCurrentDecisionId } from '../../../features/pod/pod.ts'
import { apiKey } from '../../../lib/api-key.ts'
import { PageHeader } from '../../../ui/Panel.tsx'
import { Async, EmptyState, LoadingLines } from '../../../ui/States.tsx'

export const route = {
  preload: ({ params }) => {
    if (apiKey() && params.aceId) void findCurrentDecisionId(params.aceId)
  },
} satisfies RouteDefinition

export default function AceOpportunityPage() {
  const params = useParams<{ aceId: string }>()
  return (
    <div class="page">
      <Async
        framed
        title="This opportunity could not be opened"
        resetKey={params.aceId}
        onRetry={() => revalidate(findCurrentDecisionId.keyFor(params.aceId))}
        fallback={
          <>
            <PageHeader title={`Opening ACE ${params.aceId}…`} />
            <div class="panel">
              <LoadingLines lines={6} height={18} label="Opening the opportunity" />
            </div>
          </>
        }
      >
        <OpenCurrentDecision aceId={params.aceId} />
      </Async>
    </div>
  )
}

/** Goes to the decision once it is found; says so when the opportunity has none. */
function OpenCurrentDecision(props: { aceId: string }) {
  const navigate = useNavigate()
  const decisionId = createAsync(() => findCurrentDecisionId(props.aceId))
  createEffect(() => {
    const id = decisionId()
    if (id) navigate(`/pod/${id}`, { replace: true })
  })
  return (
    <Show when={decisionId() === null}>
      <PageHeader title={`ACE ${props.aceId}`} />
      <div class="panel">
        <EmptyState
          title="No decision for this opportunity"
          actions={
            <A class="button" href="/pod">
              Go to the review queue
            </A>
          }
        >
          Either it is not an ACE opportunity of this tenant, or the pipeline has not decided it yet.
        </EmptyState>
      </div>
    </Show>
  )
}
