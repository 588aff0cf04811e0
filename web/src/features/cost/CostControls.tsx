// The view's selection, period and bases: the account picker beside month / quarter / year with from
// and to, then the cost basis and the invoice basis. Every change goes to the URL (the page reads it
// from there).
import { For, type JSX, Suspense } from 'solid-js'
import {
  COST_BASIS_HINTS,
  COST_BASIS_LABELS,
  GRANULARITY_LABELS,
  INVOICE_BASIS_HINTS,
  INVOICE_BASIS_LABELS,
} from './cost-labels.ts'
import { convertPeriod, formatPeriod, orderRange, periodChoices } from './cost-periods.ts'
import {
  COST_BASES,
  type CostState,
  GRANULARITIES,
  type Granularity,
  INVOICE_BASES,
  type InvoiceBasis,
} from './cost-state.ts'

export type StatePatch = Partial<CostState>

export function CostControls(props: {
  state: CostState
  /** The range the figures cover (the API's default when none is chosen); read inside a Suspense. */
  period: () => { from: string; to: string } | undefined
  picker: JSX.Element
  onChange: (patch: StatePatch) => void
}) {
  const setGranularity = (granularity: Granularity) =>
    props.onChange({
      granularity,
      from: convertPeriod(props.state.from, granularity, 'start'),
      to: convertPeriod(props.state.to, granularity, 'end'),
    })
  // Final invoices cannot be split by account: a sort by invoice or margin may not exist in the new view.
  const setInvoiceBasis = (invoiceBasis: InvoiceBasis) =>
    props.onChange(
      props.state.sort && props.state.sort !== 'cost' && props.state.sort !== 'name'
        ? { invoiceBasis, sort: undefined, order: undefined }
        : { invoiceBasis },
    )
  return (
    <>
      <div class="controls-row">
        <div class="controls-selection">{props.picker}</div>
        <Segmented
          legend="Granularity"
          name="granularity"
          values={GRANULARITIES}
          value={props.state.granularity}
          label={(value) => GRANULARITY_LABELS[value]}
          onChange={setGranularity}
        />
        <Suspense
          fallback={<PeriodFields state={props.state} period={undefined} onChange={props.onChange} />}
        >
          <PeriodFields state={props.state} period={props.period()} onChange={props.onChange} />
        </Suspense>
      </div>
      <div class="controls-row">
        <Segmented
          legend="AWS cost basis"
          name="basis"
          values={COST_BASES}
          value={props.state.basis}
          label={(value) => COST_BASIS_LABELS[value]}
          hint={(value) => COST_BASIS_HINTS[value]}
          onChange={(basis) => props.onChange({ basis })}
        />
        <Segmented
          legend="Invoice basis"
          name="invoice_basis"
          values={INVOICE_BASES}
          value={props.state.invoiceBasis}
          label={(value) => INVOICE_BASIS_LABELS[value]}
          hint={(value) => INVOICE_BASIS_HINTS[value]}
          onChange={setInvoiceBasis}
        />
        <p class="basis-hint" data-testid="basis-hint">
          AWS cost: {COST_BASIS_HINTS[props.state.basis]}.
          <br />
          Invoiced: {INVOICE_BASIS_HINTS[props.state.invoiceBasis]}.
        </p>
      </div>
    </>
  )
}

/** Radio buttons that look like a segmented control (one choice of a few, all visible). */
function Segmented<T extends string>(props: {
  legend: string
  name: string
  values: readonly T[]
  value: T
  label: (value: T) => string
  hint?: (value: T) => string
  onChange: (value: T) => void
}) {
  return (
    <fieldset class="segmented">
      <legend>{props.legend}</legend>
      <div class="segments">
        <For each={props.values}>
          {(value) => (
            <label title={props.hint?.(value)}>
              <input
                type="radio"
                name={props.name}
                value={value}
                checked={props.value === value}
                onChange={() => props.onChange(value)}
              />
              <span>{props.label(value)}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  )
}

/** From and to in the granularity's own terms: months, quarters or years, newest first. */
function PeriodFields(props: {
  state: CostState
  period: { from: string; to: string } | undefined
  onChange: (patch: StatePatch) => void
}) {
  const granularity = () => props.state.granularity
  const shown = (edge: 'from' | 'to') =>
    convertPeriod(
      props.state[edge] ?? props.period?.[edge],
      granularity(),
      edge === 'from' ? 'start' : 'end',
    ) ?? ''
  const set = (edge: 'from' | 'to', value: string) => {
    const range = { from: shown('from') || undefined, to: shown('to') || undefined, [edge]: value }
    props.onChange(orderRange(range, edge))
  }
  const choices = () => {
    const now = new Date().getFullYear()
    const known = [shown('from'), shown('to')].filter(Boolean).map((period) => Number(period.slice(0, 4)))
    return periodChoices(granularity(), Math.min(now - 5, ...known), Math.max(now, ...known))
  }
  const field = (edge: 'from' | 'to', label: string) => (
    <div class="field period-field">
      <label for={`cost-${edge}`}>{label}</label>
      <select
        id={`cost-${edge}`}
        value={shown(edge)}
        disabled={!props.period}
        onChange={(event) => set(edge, event.currentTarget.value)}
      >
        {/* `selected` on the options: the list is rebuilt when the granularity changes. */}
        <For each={choices()}>
          {(period) => (
            <option value={period} selected={period === shown(edge)}>
              {formatPeriod(period)}
            </option>
          )}
        </For>
      </select>
    </div>
  )
  return (
    <div class="period-fields">
      {field('from', 'From')}
      {field('to', 'To')}
      <button
        type="button"
        class="button"
        disabled={!props.state.from && !props.state.to}
        onClick={() => props.onChange({ from: undefined, to: undefined })}
        title="The twelve months up to the latest month with AWS cost"
      >
        Last 12 months
      </button>
    </div>
  )
}
