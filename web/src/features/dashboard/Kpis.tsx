// The dashboard's headline figures.
import { Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatMoney, formatNumber, formatShare } from '../../lib/format.ts'
import { Kpi } from '../../ui/Kpi.tsx'

type Dashboard = Schemas['Dashboard']

function opportunities(count: number | undefined): string {
  return `${formatNumber(count)} ${count === 1 ? 'opportunity' : 'opportunities'}`
}

export function Kpis(props: { dashboard: Dashboard | undefined }) {
  const d = () => props.dashboard
  const reviewQueue = () => {
    const needsReview = d()?.decisions.by_outcome.find((o) => o.outcome === 'needs_review')
    return needsReview ? needsReview.count - needsReview.approved - needsReview.rejected : 0
  }
  const currency = () => d()?.value_at_stake.currency ?? 'USD'
  return (
    <div class="kpis">
      <Kpi
        label="ACE opportunities"
        testId="kpi-ace"
        value={() => formatNumber(d()?.opportunities.ace)}
        note={() => `${formatNumber(d()?.opportunities.odoo)} in Odoo`}
      />
      <Kpi
        label="Approved spend / month"
        testId="kpi-approved"
        value={() => formatMoney(d()?.value_at_stake.approved.monthly_spend, currency())}
        note={() => opportunities(d()?.value_at_stake.approved.count)}
      />
      <Kpi
        label="In review spend / month"
        testId="kpi-in-review"
        value={() => formatMoney(d()?.value_at_stake.in_review.monthly_spend, currency())}
        note={() => opportunities(d()?.value_at_stake.in_review.count)}
      />
      <Kpi
        label="Waiting for a reviewer"
        testId="kpi-queue"
        value={() => formatNumber(reviewQueue())}
        note={() => (
          <Show when={reviewQueue() > 0} fallback="Review queue is empty">
            <a href="/pod?outcome=needs_review">Open the review queue →</a>
          </Show>
        )}
      />
      <Kpi
        label="Auto-linked to Odoo"
        testId="kpi-linked"
        value={() => formatShare(d()?.match_quality.auto_linked ?? 0, d()?.match_quality.ace_total ?? 0)}
        note={() =>
          `${formatNumber(d()?.match_quality.auto_linked)} of ${formatNumber(d()?.match_quality.ace_total)} ACE`
        }
      />
      <Kpi
        label="Open data-quality issues"
        testId="kpi-issues"
        value={() => formatNumber(d()?.data_quality.open)}
        note={() => `${formatNumber(d()?.data_quality.groups.length)} kinds`}
      />
    </div>
  )
}
