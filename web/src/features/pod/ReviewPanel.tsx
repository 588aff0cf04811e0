// Approve or reject the decision with a note saying why (required). `a` / `r` choose and focus the
// note, Ctrl+Enter records it. The review is recorded with the reviewer and lands in the audit history.
import { useAction, useSubmission } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { formatDateTime } from '../../lib/format.ts'
import { useShortcuts } from '../../lib/shortcuts.ts'
import { type DecisionDetail, reviewDecision } from './pod.ts'

type Decision = DecisionDetail
type Verdict = 'approve' | 'reject'

export function ReviewPanel(props: { decision: Decision }) {
  const [verdict, setVerdict] = createSignal<Verdict | null>(null)
  const [note, setNote] = createSignal('')
  const [problem, setProblem] = createSignal<string | null>(null)
  const [done, setDone] = createSignal<string | null>(null)
  const submit = useAction(reviewDecision)
  const submission = useSubmission(reviewDecision)
  let noteField: HTMLTextAreaElement | undefined

  const choose = (value: Verdict) => {
    setVerdict(value)
    setProblem(null)
    noteField?.focus()
  }
  const record = async () => {
    const chosen = verdict()
    if (!chosen) return setProblem('Choose Approve or Reject first.')
    if (!note().trim()) {
      noteField?.focus()
      return setProblem('A note saying why is required.')
    }
    setProblem(null)
    try {
      const review = await submit(props.decision.decision_id, chosen, note().trim(), props.decision.etag)
      setDone(
        `${review.action === 'approve' ? 'Approved' : 'Rejected'} by ${review.reviewer}. Recorded in the history.`,
      )
      setNote('')
      setVerdict(null)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }
  useShortcuts(() =>
    props.decision.is_current
      ? [
          { key: 'a', run: () => choose('approve') },
          { key: 'r', run: () => choose('reject') },
          { key: 'Mod+Enter', run: () => void record(), inFields: true },
        ]
      : [],
  )

  return (
    <div class="review-form">
      <Show when={props.decision.review}>
        {(review) => (
          <div
            class={`notice ${review().action === 'approve' ? 'success' : 'error'}`}
            data-testid="current-review"
          >
            <span>
              <strong>{review().action === 'approve' ? 'Approved' : 'Rejected'}</strong> by{' '}
              {review().reviewer}, {formatDateTime(review().at)}: “{review().note}”
            </span>
          </div>
        )}
      </Show>
      <Show
        when={props.decision.is_current}
        fallback={
          <p class="notice warning">
            A newer decision replaced this one; only the current decision can be reviewed.{' '}
            <a href={`/pod/${props.decision.current_decision_id}`}>Open the current decision</a>
          </p>
        }
      >
        <fieldset class="toggle-group">
          <legend class="visually-hidden">Verdict</legend>
          <button
            type="button"
            class="button approve"
            aria-pressed={verdict() === 'approve'}
            onClick={() => choose('approve')}
          >
            Approve <kbd>a</kbd>
          </button>
          <button
            type="button"
            class="button reject"
            aria-pressed={verdict() === 'reject'}
            onClick={() => choose('reject')}
          >
            Reject <kbd>r</kbd>
          </button>
        </fieldset>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void record()
          }}
          class="review-form"
        >
          <div class="field">
            <label for="review-note">Note (required): why this verdict</label>
            <textarea
              id="review-note"
              ref={noteField}
              required
              maxLength={2000}
              aria-invalid={Boolean(problem())}
              aria-describedby="review-problem"
              placeholder="e.g. Partner sourced it: see the kickoff mail of 3 March"
              value={note()}
              onInput={(event) => setNote(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') event.currentTarget.blur()
              }}
            />
            <div id="review-problem" class="field-error" role="alert">
              {problem() ?? ''}
            </div>
          </div>
          <button
            type="submit"
            class={`button ${verdict() === 'reject' ? 'reject' : verdict() === 'approve' ? 'approve' : 'primary'}`}
            disabled={submission.pending}
          >
            {submission.pending
              ? 'Recording…'
              : verdict() === 'reject'
                ? 'Record the rejection'
                : verdict() === 'approve'
                  ? 'Record the approval'
                  : 'Record the review'}
            <span class="muted" style={{ color: 'inherit', opacity: 0.8, 'font-weight': 400 }}>
              Ctrl+Enter
            </span>
          </button>
        </form>
        <Show when={done()}>
          <p class="notice success" role="status">
            {done()}
          </p>
        </Show>
      </Show>
    </div>
  )
}
