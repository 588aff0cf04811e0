// Where the decision stands in the filtered queue, with the previous and next ones (k / j; Escape goes
// back to the queue).
import { A, createAsync, useNavigate } from '@solidjs/router'
import { type JSX, Show, Suspense } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { getQueuePosition, type QueuePosition } from './pod.ts'
import { type PodFilters, podSearch } from './pod-filters.ts'

export function QueueNav(props: { decisionId: string; filters: PodFilters }) {
  const navigate = useNavigate()
  const position = createAsync(() => getQueuePosition(props.filters, props.decisionId))
  const link = (id: string | null | undefined) => (id ? `/pod/${id}${podSearch(props.filters)}` : null)
  useShortcuts(() => [
    { key: 'j', run: () => go(position.latest?.next) },
    { key: 'k', run: () => go(position.latest?.previous) },
    { key: 'Escape', run: () => navigate(`/pod${podSearch(props.filters)}`) },
  ])
  const go = (id: string | null | undefined) => {
    const href = link(id)
    if (href) navigate(href)
  }
  return (
    <nav class="page-actions" aria-label="Review queue">
      <Suspense fallback={<Controls position={undefined} link={link} />}>
        <Controls position={position()} link={link} />
      </Suspense>
    </nav>
  )
}

function positionText(position: QueuePosition | undefined): string {
  if (!position) return ''
  if (position.index < 0) return 'Not in this queue'
  return `${formatNumber(position.index + 1)} of ${formatNumber(position.seen)}${position.complete ? '' : '+'}`
}

function Controls(props: {
  position: QueuePosition | undefined
  link: (id: string | null | undefined) => string | null
}) {
  const step = (id: () => string | null | undefined, label: JSX.Element) => (
    <Show
      when={props.link(id())}
      fallback={
        <button type="button" class="button" disabled>
          {label}
        </button>
      }
    >
      {(href) => (
        <A class="button" href={href()}>
          {label}
        </A>
      )}
    </Show>
  )
  return (
    <>
      <span
        class="muted"
        style={{ 'min-width': '110px', 'text-align': 'right' }}
        data-testid="queue-position"
      >
        {positionText(props.position)}
      </span>
      {step(
        () => props.position?.previous,
        <>
          ← Previous <kbd>k</kbd>
        </>,
      )}
      {step(
        () => props.position?.next,
        <>
          Next <kbd>j</kbd> →
        </>,
      )}
    </>
  )
}
