// A headline figure: label, value and a note, each loading behind a skeleton of its own size.
import { type JSX, Suspense } from 'solid-js'
import { Skeleton } from './States.tsx'

export function Kpi(props: {
  label: string
  value: () => JSX.Element
  note: () => JSX.Element
  testId: string
  /** Extra classes, e.g. a tone for a negative figure. */
  tone?: () => string
}) {
  return (
    <div class={`panel kpi ${props.tone?.() ?? ''}`} data-testid={props.testId}>
      <div class="kpi-label">{props.label}</div>
      <Suspense
        fallback={
          <>
            <div class="kpi-value">
              <Skeleton height={26} width="70%" />
            </div>
            <div class="kpi-note">
              <Skeleton height={14} width="50%" />
            </div>
          </>
        }
      >
        <div class="kpi-value">{props.value()}</div>
        <div class="kpi-note">{props.note()}</div>
      </Suspense>
    </div>
  )
}
