// Above the list: how many writes are selected, the batch approval, and what it did (which writes moved,
// which did not because they no longer waited for approval).
import { A, useSubmission } from '@solidjs/router'
import { Show } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'
import { type ApproveResult, approveWriteBacks } from './write-back.ts'

const ids = (writeIds: string[]) => writeIds.map((id) => `#${id}`).join(', ')
const writes = (n: number) => `${formatNumber(n)} ${n === 1 ? 'write-back' : 'write-backs'}`

export function ApproveBar(props: {
  selected: number
  pending: number
  result: ApproveResult | null
  onApprove: () => void
}) {
  const submission = useSubmission(approveWriteBacks)
  return (
    <div class="approve-bar" data-testid="approve-bar">
      <div class="approve-bar-line">
        <span class="muted">
          {props.pending === 0
            ? 'Nothing here waits for approval.'
            : props.selected === 0
              ? `${writes(props.pending)} waiting for approval: select the ones to send, then approve them together.`
              : `${formatNumber(props.selected)} of ${writes(props.pending)} waiting for approval selected.`}
        </span>
        <Show when={props.pending > 0}>
          <button
            type="button"
            class="button primary"
            disabled={props.selected === 0 || submission.pending}
            onClick={() => props.onApprove()}
          >
            {submission.pending ? 'Approving…' : `Approve selected (${formatNumber(props.selected)})`}
          </button>
        </Show>
      </div>
      <Show when={submission.error}>
        <p class="notice error" role="alert">
          Nothing was approved: {(submission.error as Error).message}
        </p>
      </Show>
      <Show when={props.result}>
        {(result) => (
          <div role="status" class="approve-results" data-testid="approve-result">
            <Show when={result().approved.length > 0}>
              <p class="notice success">
                <span>
                  Approved {writes(result().approved.length)}: {ids(result().approved)}.{' '}
                  {result().job_queued
                    ? 'The write-back job that runs them is queued; follow it on the '
                    : 'They run with the next write-back job.'}
                  <Show when={result().job_queued}>
                    <A href="/#jobs">Dashboard</A>.
                  </Show>
                </span>
              </p>
            </Show>
            <Show when={result().not_approved.length > 0}>
              <p class="notice warning">
                Not approved: {ids(result().not_approved)}.{' '}
                {result().not_approved.length === 1 ? 'It' : 'They'} no longer waited for approval (approved
                or replaced meanwhile).
              </p>
            </Show>
          </div>
        )}
      </Show>
    </div>
  )
}
