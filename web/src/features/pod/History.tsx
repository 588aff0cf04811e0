// The audit history of the ACE opportunity: its decisions and every act about it, newest first.
import { createAsync } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDateTime } from '../../lib/format.ts'
import { actionLabel, OUTCOME_LABELS, type Outcome, WRITE_BACK_MODE_LABELS } from '../../lib/labels.ts'
import { EmptyState } from '../../ui/States.tsx'
import { getHistory } from './pod.ts'

function summary(action: string, details: Record<string, unknown>): string | null {
  if (action.startsWith('partner_central.write_')) return writeSummary(details)
  const outcome = details.outcome as Outcome | undefined
  const parts: string[] = []
  if (action === 'decision.evaluated' && outcome && outcome in OUTCOME_LABELS)
    parts.push(OUTCOME_LABELS[outcome])
  if (action !== 'decision.evaluated' && details.decision_id)
    parts.push(`on decision #${details.decision_id}`)
  if (details.ruleset && details.ruleset_version) parts.push(`${details.ruleset} v${details.ruleset_version}`)
  if (details.as_of) parts.push(`as of ${details.as_of}`)
  return parts.length > 0 ? parts.join(' · ') : null
}

/** A write-back to Partner Central: the field's value before and after, the mode, what it said. */
function writeSummary(details: Record<string, unknown>): string {
  const value = (v: unknown) => (typeof v === 'string' && v !== '' ? v : 'empty')
  const parts = [
    `${String(details.field ?? 'PartnerOpportunityIdentifier')} ${value(details.before)} → ${value(details.after)}`,
  ]
  if (details.mode === 'dry_run' || details.mode === 'live') parts.push(WRITE_BACK_MODE_LABELS[details.mode])
  if (typeof details.write_id === 'string' || typeof details.write_id === 'number')
    parts.push(`write #${details.write_id}`)
  if (typeof details.message === 'string' && details.message) parts.push(details.message)
  return parts.join(' · ')
}

export function History(props: { aceId: string }) {
  const history = createAsync(() => getHistory(props.aceId))
  return (
    <Show when={(history()?.entries ?? []).length > 0} fallback={<EmptyState title="No history yet" />}>
      <ol class="history" data-testid="history">
        <For each={history()?.entries}>
          {(entry) => (
            <li data-action={entry.action}>
              <div>
                <strong>{actionLabel(entry.action)}</strong> <span class="muted">by {entry.actor}</span>
              </div>
              <div class="when">{formatDateTime(entry.at)}</div>
              <Show when={summary(entry.action, entry.details)}>
                {(text) => <div class="muted">{text()}</div>}
              </Show>
              <Show when={typeof entry.details.note === 'string' && entry.details.note}>
                {(note) => <blockquote>{note() as string}</blockquote>}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  )
}
