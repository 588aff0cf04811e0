// One ACE opportunity under review: its decision and rule trace, the ACE and Odoo records side by side,
// the match explanation, the other candidates, the review form and the audit history.
import { A } from '@solidjs/router'
import { Show, Suspense } from 'solid-js'
import { formatDate, formatMoney, formatPercent, MISSING } from '../../lib/format.ts'
import { OutcomeBadge, ReviewBadge } from '../../ui/Badges.tsx'
import { Panel } from '../../ui/Panel.tsx'
import { EmptyState, LoadingLines } from '../../ui/States.tsx'
import { Candidates } from './Candidates.tsx'
import { History } from './History.tsx'
import { MatchWaterfall } from './MatchWaterfall.tsx'
import type { DecisionDetail as Detail } from './pod.ts'
import { type PodFilters, podSearch } from './pod-filters.ts'
import { QueueNav } from './QueueNav.tsx'
import { RecordComparison } from './RecordComparison.tsx'
import { ReviewPanel } from './ReviewPanel.tsx'
import { RuleTrace, ruleSummary } from './RuleTrace.tsx'

type Decision = Detail

export function DecisionDetail(props: { decision: Decision; filters: PodFilters }) {
  const d = () => props.decision
  const odooLeadId = () => d().match?.odoo_lead_id ?? d().best_match?.odoo_lead_id ?? null
  return (
    <>
      <div class="detail-header">
        <div class="detail-title">
          <A href={`/pod${podSearch(props.filters)}`} style={{ 'font-size': '13px' }}>
            ← Review queue
          </A>
          <div class="line">
            <h1>{d().customer_name ?? d().ace_id}</h1>
            <OutcomeBadge outcome={d().outcome} />
            <ReviewBadge action={d().review?.action} reviewer={d().review?.reviewer} />
          </div>
          <div class="muted" style={{ 'font-size': '13px' }}>
            <span class="mono">{d().ace_id}</span> · {d().stage ?? MISSING} · closes{' '}
            {formatDate(d().target_close_date)} · {formatMoney(d().expected_monthly_spend, 'USD')} / month ·{' '}
            {d().opportunity_ownership ?? MISSING} · {d().ruleset} v{d().ruleset_version} as of{' '}
            {formatDate(d().as_of)}
          </div>
        </div>
        <QueueNav decisionId={d().decision_id} filters={props.filters} />
      </div>
      <div class="grid grid-main-side">
        <div class="stack">
          <Panel id="rules" title="Rules" subtitle={ruleSummary(d().rules)} flush>
            <RuleTrace rules={d().rules} />
          </Panel>
          <Panel
            id="records"
            title="ACE and Odoo records"
            subtitle="Differences between the two are highlighted"
            flush
          >
            <RecordComparison aceId={d().ace_id} odooLeadId={odooLeadId()} />
          </Panel>
          <Panel
            id="explanation"
            title="Why they match"
            subtitle={
              <Show when={d().match} fallback="No match candidate behind this decision">
                {(match) => (
                  <>
                    Odoo #{match().odoo_lead_id}: probability {formatPercent(match().probability, 1)}
                  </>
                )}
              </Show>
            }
          >
            <Show
              when={d().match}
              fallback={
                <EmptyState title="No match explanation">
                  This decision was taken without an Odoo match.
                </EmptyState>
              }
            >
              {(match) => (
                <MatchWaterfall explanation={match().explanation} probability={match().probability} />
              )}
            </Show>
          </Panel>
          <Panel
            id="candidates"
            title="Candidates"
            subtitle="Every Odoo opportunity considered, best first"
            flush
          >
            <Suspense fallback={<LoadingLines lines={4} height={24} />}>
              <Candidates aceId={d().ace_id} usedCandidateId={d().match?.id ?? null} />
            </Suspense>
          </Panel>
        </div>
        <div class="stack sticky">
          <Panel id="review" title="Review">
            <ReviewPanel decision={d()} />
          </Panel>
          <Panel id="history" title="History" subtitle="Decisions and every act about this opportunity" flush>
            <Suspense fallback={<LoadingLines lines={4} />}>
              <History aceId={d().ace_id} />
            </Suspense>
          </Panel>
        </div>
      </div>
    </>
  )
}
