// Publishing is for good (versions are immutable), so it asks first: which version it creates, whether
// the edit was simulated and what the simulation said.
import { createEffect, Show } from 'solid-js'
import { formatNumber } from '../../lib/format.ts'

export type SimulationState = { kind: 'none' } | { kind: 'stale' } | { kind: 'current'; changes: number }

export function PublishDialog(props: {
  open: boolean
  ruleset: string
  nextVersion: number
  simulation: SimulationState
  pending: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const changes = () => (props.simulation.kind === 'current' ? props.simulation.changes : null)
  let dialog: HTMLDialogElement | undefined
  let cancel: HTMLButtonElement | undefined
  createEffect(() => {
    if (!dialog) return
    if (props.open && !dialog.open) {
      dialog.showModal()
      cancel?.focus()
    } else if (!props.open && dialog.open) dialog.close()
  })
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="publish-title"
      aria-describedby="publish-description"
      onClose={() => props.onCancel()}
    >
      <h2 id="publish-title">
        Publish version {props.nextVersion} of {props.ruleset}?
      </h2>
      <div id="publish-description">
        <p>
          Published versions are permanent: version {props.nextVersion} is recorded with your name and time,
          and the next evaluation decides every opportunity with it.
        </p>
        <Show when={changes() !== null}>
          <p class="notice">
            The simulation shows {formatNumber(changes())} {changes() === 1 ? 'opportunity' : 'opportunities'}{' '}
            changing outcome.
          </p>
        </Show>
        <Show when={props.simulation.kind !== 'current'}>
          <p class="notice warning">
            {props.simulation.kind === 'stale'
              ? 'The YAML changed since the last simulation.'
              : 'This edit has not been simulated.'}{' '}
            Simulate first to see which decisions it changes.
          </p>
        </Show>
      </div>
      <div class="dialog-actions">
        <button type="button" class="button" ref={cancel} onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button
          type="button"
          class="button primary"
          disabled={props.pending}
          onClick={() => props.onConfirm()}
        >
          {props.pending ? 'Publishing…' : `Publish version ${props.nextVersion}`}
        </button>
      </div>
    </dialog>
  )
}
