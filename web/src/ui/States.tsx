// Loading, empty and error states, the same on every view. `Async` wraps a section that reads data:
// its own skeleton while loading (sized like the content, so nothing jumps) and an error with a retry.
import { createEffect, ErrorBoundary, For, type JSX, on, Show, Suspense } from 'solid-js'
import { ApiError } from '../lib/api-client.ts'

export function Skeleton(props: { height: number; width?: string }) {
  return <div class="skeleton" style={{ height: `${props.height}px`, width: props.width ?? '100%' }} />
}

/** Placeholder rows while a list or table loads. */
export function LoadingLines(props: { lines?: number; height?: number; label?: string }) {
  return (
    <div class="skeleton-lines" role="status" aria-label={props.label ?? 'Loading'}>
      <For each={Array.from({ length: props.lines ?? 4 })}>
        {(_, index) => <Skeleton height={props.height ?? 14} width={index() % 3 === 2 ? '60%' : '100%'} />}
      </For>
    </div>
  )
}

export function EmptyState(props: { title: string; children?: JSX.Element; actions?: JSX.Element }) {
  return (
    <div class="state" role="status">
      <h3>{props.title}</h3>
      <Show when={props.children}>
        <p>{props.children}</p>
      </Show>
      <Show when={props.actions}>
        <div class="actions">{props.actions}</div>
      </Show>
    </div>
  )
}

export function ErrorState(props: { error: unknown; title?: string; onRetry?: () => void }) {
  const error = () => (props.error instanceof Error ? props.error : new Error(String(props.error)))
  const correlationId = () => (props.error instanceof ApiError ? props.error.correlationId : null)
  // Asking again cannot find what does not exist or fix what was refused.
  const retryable = () => !(props.error instanceof ApiError && [400, 404, 409].includes(props.error.status))
  return (
    <div class="state error" role="alert">
      <h3>{props.title ?? 'This could not be loaded'}</h3>
      <p>{error().message}</p>
      <Show when={correlationId()}>
        <p class="mono">Correlation id {correlationId()}</p>
      </Show>
      <Show when={props.onRetry && retryable()}>
        <div class="actions">
          <button type="button" class="button" onClick={() => props.onRetry?.()}>
            Try again
          </button>
        </div>
      </Show>
    </div>
  )
}

/**
 * A section that reads async data: `fallback` while it loads, an error state with a retry when it fails.
 * `onRetry` should revalidate the failed query; the boundary is reset after it.
 */
export function Async(props: {
  fallback: JSX.Element
  onRetry?: () => void
  title?: string
  /** Show the error in a panel of its own (when the section is not inside one). */
  framed?: boolean
  /** What the section shows (e.g. the id it reads): when it changes, a shown error clears and it loads again. */
  resetKey?: unknown
  children: JSX.Element
}) {
  // The boundary's fallback may be rendered again (with the same error), so the reset lives here; it is
  // dropped once used, since resetting a boundary that shows no error would render its content anew.
  let clearError: (() => void) | undefined
  createEffect(
    on(
      () => props.resetKey,
      () => clearError?.(),
      { defer: true },
    ),
  )
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        const clear = () => {
          if (clearError === clear) clearError = undefined
          reset()
        }
        clearError = clear
        const state = (
          <ErrorState
            error={error}
            title={props.title}
            onRetry={() => {
              props.onRetry?.()
              clear()
            }}
          />
        )
        return props.framed ? <div class="panel">{state}</div> : state
      }}
    >
      <Suspense fallback={props.fallback}>{props.children}</Suspense>
    </ErrorBoundary>
  )
}
