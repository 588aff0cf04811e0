// Status badges and the probability bar, coloured the same everywhere.
import { Show } from 'solid-js'
import { formatPercent } from '../lib/format.ts'
import {
  BAND_LABELS,
  type Band,
  COLORS,
  OUTCOME_LABELS,
  type Outcome,
  WRITE_BACK_MODE_LABELS,
  WRITE_BACK_STATUS_HINTS,
  WRITE_BACK_STATUS_LABELS,
  type WriteBackMode,
  type WriteBackStatus,
} from '../lib/labels.ts'

const OUTCOME_TONE: Record<Outcome, string> = {
  auto_approve: 'approve',
  needs_review: 'review',
  auto_reject: 'reject',
}

export function OutcomeBadge(props: { outcome: Outcome }) {
  return <span class={`badge ${OUTCOME_TONE[props.outcome]}`}>{OUTCOME_LABELS[props.outcome]}</span>
}

const WRITE_BACK_TONE: Record<WriteBackStatus, string> = {
  pending_approval: 'review',
  approved: 'info',
  held: 'review',
  dry_run: '',
  succeeded: 'approve',
  failed: 'reject',
  superseded: '',
}

/** Where a write-back to Partner Central stands, with what that means on hover. */
export function WriteBackStatusBadge(props: { status: WriteBackStatus }) {
  return (
    <span class={`badge ${WRITE_BACK_TONE[props.status]}`} title={WRITE_BACK_STATUS_HINTS[props.status]}>
      {WRITE_BACK_STATUS_LABELS[props.status]}
    </span>
  )
}

/** A dry run stands out (dashed): nothing is sent to AWS. */
export function WriteBackModeBadge(props: { mode: WriteBackMode }) {
  return (
    <span
      class={props.mode === 'dry_run' ? 'badge dry-run' : 'badge live'}
      title={props.mode === 'dry_run' ? 'The request is recorded, never sent' : 'The request is sent to AWS'}
    >
      {WRITE_BACK_MODE_LABELS[props.mode]}
    </span>
  )
}

/** A reviewer's verdict, or nothing. */
export function ReviewBadge(props: { action: 'approve' | 'reject' | undefined | null; reviewer?: string }) {
  return (
    <Show when={props.action}>
      {(action) => (
        <span class={`badge ${action() === 'approve' ? 'approve' : 'reject'}`} title={props.reviewer}>
          {action() === 'approve' ? '✓ Approved' : '✕ Rejected'}
        </span>
      )}
    </Show>
  )
}

const BAND_COLOR: Record<Band, string> = {
  auto_link: COLORS.approve,
  review: COLORS.review,
  no_link: COLORS.neutral,
}

function bandLabel(band: string): string {
  return BAND_LABELS[band as Band] ?? band
}

export function BandBadge(props: { band: Band | string }) {
  const tone = () => (props.band === 'auto_link' ? 'approve' : props.band === 'review' ? 'review' : '')
  return <span class={`badge ${tone()}`}>{bandLabel(props.band)}</span>
}

/** A probability as a small bar and a percentage, coloured by its band. */
export function Probability(props: { value: number; band: Band | string }) {
  return (
    <span class="probability" title={`${bandLabel(props.band)} band`}>
      <span class="bar-track" aria-hidden="true">
        <span
          style={{
            width: `${Math.round(props.value * 100)}%`,
            background: BAND_COLOR[props.band as Band] ?? COLORS.neutral,
          }}
        />
      </span>
      <span class="probability-value">{formatPercent(props.value, 1)}</span>
    </span>
  )
}
