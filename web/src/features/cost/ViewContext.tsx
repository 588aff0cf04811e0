// What the figures on screen are: the period, the currency and both bases in the API's own words, with
// the API's notes on what this view cannot attribute (and the switch that can), and stale months.
import { For, Show } from 'solid-js'
import { formatDateTime } from '../../lib/format.ts'
import type { BillingContext } from './cost.ts'
import { COST_BASIS_LABELS, INVOICE_BASIS_LABELS } from './cost-labels.ts'
import { formatPeriod, formatPeriodRange } from './cost-periods.ts'

export function ViewContext(props: { context: BillingContext }) {
  return (
    <div class="view-context" data-testid="view-context">
      <p>
        <span data-testid="context-period">
          <strong>{formatPeriodRange(props.context.period.from, props.context.period.to)}</strong> in{' '}
          {props.context.currency}
        </span>
        {' · '}
        <span data-testid="context-basis">
          AWS cost <strong>{COST_BASIS_LABELS[props.context.basis].toLowerCase()}</strong>
        </span>
        {' · '}
        <span data-testid="context-invoice-basis">
          invoiced from <strong>{INVOICE_BASIS_LABELS[props.context.invoice_basis].toLowerCase()}</strong>
        </span>
      </p>
      <details>
        <summary>What these bases mean</summary>
        <dl>
          <dt>AWS cost: {COST_BASIS_LABELS[props.context.basis]}</dt>
          <dd>{props.context.basis_description}</dd>
          <dt>Invoiced: {INVOICE_BASIS_LABELS[props.context.invoice_basis]}</dt>
          <dd>{props.context.invoice_basis_description}</dd>
        </dl>
      </details>
      <Show when={props.context.freshness.pending_months.length > 0}>
        <span class="notice warning" role="status">
          Not yet current:{' '}
          {props.context.freshness.pending_months.map((month) => formatPeriod(month)).join(', ')} changed
          after the figures were rebuilt ({formatDateTime(props.context.freshness.refreshed_at)}).
        </span>
      </Show>
    </div>
  )
}

/**
 * The API's notes on the view (what a side cannot be attributed to, and why), with a switch to staging
 * bills where final invoices cannot be split the way the view asks.
 */
export function ViewNotes(props: {
  context: BillingContext
  /** Notes already shown above, not repeated. */
  shown?: readonly string[]
  onUseBills?: () => void
}) {
  const notes = () => props.context.notes.filter((note) => !props.shown?.includes(note))
  const billsWouldHelp = () =>
    props.context.invoice_basis === 'invoice' &&
    props.context.attribution.invoice === 'unavailable' &&
    props.context.filters.services.length === 0 &&
    notes().some((note) => note.includes('invoice_basis=bill'))
  return (
    <Show when={notes().length > 0}>
      <div class="view-notes" data-testid="view-notes">
        <For each={notes()}>{(note) => <p class="notice">{note}</p>}</For>
        <Show when={billsWouldHelp() && props.onUseBills}>
          <button type="button" class="button small" onClick={() => props.onUseBills?.()}>
            Compare with staging bills (per account)
          </button>
        </Show>
      </div>
    </Show>
  )
}
