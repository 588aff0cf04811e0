// The view's headline figures: AWS cost and what was invoiced side by side, the margin as an amount and
// a share, and how many months changed after they were invoiced. Each names the basis it is in.
import { Show } from 'solid-js'
import { formatMoney, formatNumber } from '../../lib/format.ts'
import { Kpi } from '../../ui/Kpi.tsx'
import type { BillingSummary } from './cost.ts'
import { COST_BASIS_LABELS, INVOICE_BASIS_LABELS } from './cost-labels.ts'
import { Margin, MarginPct, Money } from './Figures.tsx'

export function CostKpis(props: { summary: BillingSummary | undefined }) {
  const totals = () => props.summary?.totals
  const context = () => props.summary?.context
  const currency = () => context()?.currency ?? 'USD'
  return (
    <div class="cost-kpis">
      <Kpi
        label="AWS cost"
        testId="kpi-cost"
        value={() => <Money value={totals()?.cost} currency={currency()} />}
        note={() =>
          totals()?.cost === null
            ? 'Not available in this view'
            : context()
              ? COST_BASIS_LABELS[context()!.basis]
              : ''
        }
      />
      <Kpi
        label="Invoiced"
        testId="kpi-invoice"
        value={() => <Money value={totals()?.invoice} currency={currency()} />}
        note={() =>
          context()
            ? `${INVOICE_BASIS_LABELS[context()!.invoice_basis]}${totals()?.invoice === null ? ': not available in this view' : ''}`
            : ''
        }
      />
      <Kpi
        label="Margin"
        testId="kpi-margin"
        tone={() => (totals()?.negative ? 'negative' : '')}
        value={() => (
          <Margin value={totals()?.margin} negative={totals()?.negative ?? false} currency={currency()} />
        )}
        note={() => (
          <Show when={totals()?.negative} fallback="Invoiced − AWS cost">
            <strong class="negative-text">
              <span aria-hidden="true">▼ </span>Negative margin
            </strong>
          </Show>
        )}
      />
      <Kpi
        label="Margin %"
        testId="kpi-margin-pct"
        tone={() => (totals()?.negative ? 'negative' : '')}
        value={() => <MarginPct value={totals()?.margin_pct} negative={totals()?.negative ?? false} />}
        note={() => 'Margin ÷ invoiced'}
      />
      <Kpi
        label="Restated after invoicing"
        testId="kpi-restated"
        tone={() => (totals()?.restated ? 'restated' : '')}
        value={() => {
          const months = totals()?.restated_months ?? 0
          return (
            <>
              <Show when={months > 0}>
                <span class="restated-mark" aria-hidden="true">
                  ⟳{' '}
                </span>
              </Show>
              {formatNumber(months)} {months === 1 ? 'month' : 'months'}
            </>
          )
        }}
        note={() =>
          totals()?.restated
            ? `${formatMoney(totals()?.restated_cost, currency())} of cost rows written late`
            : 'No month changed after invoicing'
        }
      />
    </div>
  )
}
