// Where the link of one ACE opportunity stands with Partner Central: its newest write-back (status, mode,
// the Odoo id it writes) and the way to the Write-backs page. Nothing when it has none.
import { A, createAsync } from '@solidjs/router'
import { Show } from 'solid-js'
import { formatDateTime, formatRelative } from '../../lib/format.ts'
import { WRITE_BACK_REASON_LABELS } from '../../lib/labels.ts'
import { WriteBackModeBadge, WriteBackStatusBadge } from '../../ui/Badges.tsx'
import { getLatestWriteBack } from './write-back.ts'
import { writeBacksHref } from './write-back-filters.ts'

export function WriteBackState(props: { aceId: string }) {
  const latest = createAsync(() => getLatestWriteBack(props.aceId))
  return (
    <Show when={latest()}>
      {(write) => (
        <div class="write-back-state" data-testid="write-back-state">
          <span class="write-back-state-label">Write-back to Partner Central</span>
          <span class="chips">
            <WriteBackStatusBadge status={write().status} />
            <WriteBackModeBadge mode={write().mode} />
          </span>
          <span>
            <code>PartnerOpportunityIdentifier</code> → <span class="mono">Odoo #{write().lead_id}</span>
          </span>
          <span class="muted" title={formatDateTime(write().updated_at)}>
            {WRITE_BACK_REASON_LABELS[write().reason]} · write #{write().write_id} · updated{' '}
            {formatRelative(write().updated_at)}
          </span>
          <Show when={write().status === 'failed' && write().message}>
            {(message) => <span class="write-back-state-message">{message()}</span>}
          </Show>
          <A href={writeBacksHref(props.aceId)} class="write-back-state-link">
            Open in Write-backs →
          </A>
        </div>
      )}
    </Show>
  )
}
