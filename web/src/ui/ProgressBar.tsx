// A progress bar: determinate with a ratio, indeterminate (animated) without one. A progress element
// refuses a missing value, so the indeterminate one is a bar without the attribute.
import { Show } from 'solid-js'

export function ProgressBar(props: { ratio: number | null; label: string }) {
  return (
    <Show
      when={props.ratio !== null}
      fallback={<progress aria-label={props.label} style={{ width: '100%' }} />}
    >
      <progress max={1} value={props.ratio ?? 0} aria-label={props.label} style={{ width: '100%' }} />
    </Show>
  )
}
