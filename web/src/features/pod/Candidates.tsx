// Every Odoo candidate of the ACE opportunity, best first, with confirm / reject for each pair.
import { createAsync, useAction, useSubmission } from '@solidjs/router'
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { formatDate, formatMoney, formatRelative, MISSING } from '../../lib/format.ts'
import { BandBadge, Probability } from '../../ui/Badges.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { getCandidates, reviewMatch } from './pod.ts'

type Match = Schemas['Match']

export function Candidates(props: { aceId: string; usedCandidateId: string | null }) {
  const candidates = createAsync(() => getCandidates(props.aceId))
  const submission = useSubmission(reviewMatch)
  return (
    <Show
      when={(candidates() ?? []).length > 0}
      fallback={<EmptyState title="No candidates">No Odoo opportunity came close to this one.</EmptyState>}
    >
      <Show when={submission.error}>
        <p class="notice error" role="alert" style={{ margin: '12px 16px 0' }}>
          {(submission.error as Error).message}
        </p>
      </Show>
      <div class="table-wrap">
        <table data-testid="candidates">
          <thead>
            <tr>
              <th scope="col" class="num">
                #
              </th>
              <th scope="col">Odoo opportunity</th>
              <th scope="col" class="num">
                Expected revenue
              </th>
              <th scope="col">Probability</th>
              <th scope="col">Reviewer's word</th>
            </tr>
          </thead>
          <tbody>
            <For each={candidates()}>
              {(match) => <CandidateRow match={match} used={match.id === props.usedCandidateId} />}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}

function CandidateRow(props: { match: Match; used: boolean }) {
  const confirming = useSubmission(
    reviewMatch,
    ([id, verdict]) => id === props.match.id && verdict === 'confirm',
  )
  const rejecting = useSubmission(
    reviewMatch,
    ([id, verdict]) => id === props.match.id && verdict === 'reject',
  )
  const run = useAction(reviewMatch)
  // A failed review shows on the row (the submission's error); nothing else to do with it here.
  const decide = (id: string, verdict: 'confirm' | 'reject') =>
    void run(id, verdict, props.match.etag).catch(() => {})
  const name = () =>
    props.match.odoo?.customer_name ?? props.match.odoo?.title ?? `#${props.match.odoo_lead_id}`
  return (
    <tr class={props.match.selected ? 'selected' : undefined} data-testid="candidate">
      <td class="num">{props.match.rank}</td>
      <td>
        <div style={{ 'font-weight': 600 }}>
          {name()}{' '}
          <Show when={props.match.selected}>
            <span class="badge info">Current link</span>
          </Show>{' '}
          <Show when={props.used}>
            <span class="badge">Used by this decision</span>
          </Show>
        </div>
        <div class="muted" style={{ 'font-size': '12px' }}>
          #{props.match.odoo_lead_id} · {props.match.odoo?.title ?? MISSING}
        </div>
        <div class="muted" style={{ 'font-size': '12px' }}>
          {props.match.odoo?.stage ?? 'No stage'} · closes {formatDate(props.match.odoo?.close_date)}
        </div>
      </td>
      <td class="num">{formatMoney(props.match.odoo?.amount, 'USD')}</td>
      <td>
        <div style={{ display: 'flex', 'flex-direction': 'column', gap: '2px' }}>
          <Probability value={props.match.probability} band={props.match.band} />
          <span>
            <BandBadge band={props.match.band} />
          </span>
        </div>
      </td>
      <td>
        <div style={{ display: 'inline-flex', gap: '6px' }}>
          <button
            type="button"
            class="button small"
            disabled={confirming.pending || props.match.review?.decision === 'confirm'}
            aria-label={`Confirm the match with ${name()}`}
            onClick={() => decide(props.match.id, 'confirm')}
          >
            Confirm
          </button>
          <button
            type="button"
            class="button small"
            disabled={rejecting.pending || props.match.review?.decision === 'reject'}
            aria-label={`Reject the match with ${name()}`}
            onClick={() => decide(props.match.id, 'reject')}
          >
            Reject
          </button>
        </div>
        <Show when={props.match.review}>
          {(review) => (
            <div
              class="muted"
              style={{ 'font-size': '12px', 'margin-top': '4px' }}
              title={review().note ?? undefined}
            >
              {review().decision === 'confirm' ? 'Confirmed' : 'Rejected'} by {review().reviewer},{' '}
              {formatRelative(review().at)}
            </div>
          )}
        </Show>
      </td>
    </tr>
  )
}
