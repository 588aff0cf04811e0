// How the view's AWS cost is made up: charge categories add up to gross; credits and refunds take it to
// net; the partner discounts AWS paid take it to net of discounts. The basis on screen is marked, so
// the figure above can be followed line by line.
import { For, Show } from 'solid-js'
import { formatMoney } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import type { BillingSummary } from './cost.ts'
import { COST_BASIS_LABELS } from './cost-labels.ts'
import type { CostBasis } from './cost-state.ts'

type Breakdown = NonNullable<BillingSummary['cost_breakdown']>

interface Line {
  label: string
  value: (b: Breakdown) => string
  /** A subtotal that is one of the bases. */
  basis?: CostBasis
  /** Shown negative (discounts are paid to the partner: positive in the API, they lower the cost). */
  negate?: boolean
}

const LINES: Line[] = [
  { label: 'Usage', value: (b) => b.usage },
  { label: 'Reserved Instance fees', value: (b) => b.ri_fee },
  { label: 'Savings Plans', value: (b) => b.savings_plan },
  { label: 'Fees', value: (b) => b.fee },
  { label: 'Tax', value: (b) => b.tax },
  { label: 'Other charges', value: (b) => b.other },
  { label: COST_BASIS_LABELS.gross, value: (b) => b.gross, basis: 'gross' },
  { label: 'Credits', value: (b) => b.credits },
  { label: 'Refunds', value: (b) => b.refunds },
  { label: COST_BASIS_LABELS.net, value: (b) => b.net, basis: 'net' },
  { label: 'SPP discounts', value: (b) => b.spp_discounts, negate: true },
  { label: 'Distributor discounts', value: (b) => b.distributor_discounts, negate: true },
  { label: COST_BASIS_LABELS.net_of_discounts, value: (b) => b.net_of_discounts, basis: 'net_of_discounts' },
]

export function CostComposition(props: { summary: BillingSummary }) {
  const currency = () => props.summary.context.currency
  const basis = () => props.summary.context.basis
  const money = (value: string, negate?: boolean) =>
    formatMoney(negate ? -Number(value) || 0 : value, currency())
  return (
    <Show
      when={props.summary.cost_breakdown}
      fallback={
        <EmptyState title="No AWS cost in this view">
          AWS cost has no product: pick an account or service to see how the cost is made up.
        </EmptyState>
      }
    >
      {(breakdown) => (
        <>
          <table class="composition" aria-label="How the AWS cost is made up" data-testid="composition">
            <tbody>
              <For each={LINES}>
                {(line) => (
                  <tr
                    classList={{ subtotal: Boolean(line.basis), 'current-basis': line.basis === basis() }}
                    aria-current={line.basis === basis() ? 'true' : undefined}
                  >
                    <th scope="row">
                      {line.label}
                      <Show when={line.basis === basis()}>
                        {' '}
                        <span class="badge info">shown</span>
                      </Show>
                    </th>
                    <td class="num">{money(line.value(breakdown()), line.negate)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <p class="composition-note">
            Program discount lines of the cost and usage report (
            {formatMoney(breakdown().cur_program_discounts, currency())}) are in no basis: the discount
            statements report the same money.
          </p>
        </>
      )}
    </Show>
  )
}
