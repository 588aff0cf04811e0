// Status badges and the probability bar, coloured the same everywhere.
import { Show } from 'solid-js'
import { formatPercent } from '../lib/format.ts'
import { BAND_LABELS, type Band, COLORS, OUTCOME_LABELS, type Outcome } from '../lib/labels.ts'

const OUTCOME_TONE: Record<Outcome, string> = {
  auto_approve: 'approve',
  needs_review: 'review',
  auto_reject: 'reject',
}

export function OutcomeBadge(props: { outcome: Outcome }) {
  return <span class={`badge ${OUTCOME_TONE[props.outcome]}`}>{OUTCOME_LABELS[props.outcome]}</span>
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
