// How a Cost Explorer figure reads everywhere: money with its currency (a dash where the view cannot
// carry that side), a margin that says it is negative in words and a sign, not colour only, and the mark
// of figures restated after invoicing.
import { Show } from 'solid-js'
import { formatMoney, formatPercent, MISSING } from '../../lib/format.ts'

/** Why a figure is missing: the view cannot attribute that side (the notes above say why). */
export const UNAVAILABLE = 'Not available in this view: see the note above the table'

export function Money(props: { value: string | null | undefined; currency: string }) {
  return (
    <Show when={props.value !== null && props.value !== undefined} fallback={<Unavailable />}>
      {formatMoney(props.value, props.currency)}
    </Show>
  )
}

function Unavailable() {
  return (
    <span class="muted" title={UNAVAILABLE}>
      {MISSING}
      <span class="visually-hidden"> (not available in this view)</span>
    </span>
  )
}

/** A margin amount: red, with ▼ and "negative margin" for assistive technology, when below zero. */
export function Margin(props: { value: string | null | undefined; negative: boolean; currency: string }) {
  return (
    <Show when={props.value !== null && props.value !== undefined} fallback={<Unavailable />}>
      <span class={props.negative ? 'margin negative' : 'margin'}>
        <Show when={props.negative}>
          <span class="margin-flag" aria-hidden="true" title="Negative margin">
            ▼
          </span>
        </Show>
        {formatMoney(props.value, props.currency)}
        <Show when={props.negative}>
          <span class="visually-hidden"> (negative margin)</span>
        </Show>
      </span>
    </Show>
  )
}

/** Margin as a share of the invoice (the API gives it in percent); a dash when nothing was invoiced. */
export function MarginPct(props: { value: number | null | undefined; negative: boolean }) {
  return (
    <Show
      when={props.value !== null && props.value !== undefined}
      fallback={
        <span class="muted" title="No margin share: nothing (or less than nothing) was invoiced">
          {MISSING}
        </span>
      }
    >
      <span class={props.negative ? 'margin negative' : 'margin'}>
        {formatPercent((props.value ?? 0) / 100, 1)}
      </span>
    </Show>
  )
}

/** The mark of a figure that includes cost rows written after its month was invoiced. */
export function RestatedBadge(props: {
  months: number
  cost: string | null | undefined
  currency: string
  /** A single period: no month count. */
  single?: boolean
}) {
  const what = () =>
    props.single || props.months === 1 ? 'This month' : `${props.months} months of this figure`
  const title = () =>
    `${what()} changed after invoicing (late credits, refunds or usage)${
      props.cost ? `: ${formatMoney(props.cost, props.currency)} of cost rows written late` : ''
    }`
  return (
    <span class="badge restated" title={title()} data-testid="restated">
      <span aria-hidden="true">⟳</span> Restated
      <Show when={!props.single && props.months > 1}> ×{props.months}</Show>
      <span class="visually-hidden"> after invoicing</span>
    </span>
  )
}

/** A flag for a negative margin in words (beside the red amount). */
export function NegativeBadge() {
  return (
    <span class="badge reject" data-testid="negative-margin">
      <span aria-hidden="true">▼</span> Negative margin
    </span>
  )
}
