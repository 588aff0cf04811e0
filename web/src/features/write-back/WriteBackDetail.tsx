// What a write-back sends, shown under its row: the one field it changes, the UpdateOpportunity request
// (as sent, or as a dry run would send it) and the opportunity before and after, as readable JSON.
import { For, Show } from 'solid-js'
import { MISSING } from '../../lib/format.ts'
import type { WriteBack } from './write-back.ts'
import { readField, toJsonLines } from './write-back-json.ts'

/** The field a write-back sets. */
const FIELD = 'PartnerOpportunityIdentifier'

export function WriteBackDetail(props: { write: WriteBack; id: string }) {
  const w = () => props.write
  const current = () => readField(w().after, FIELD) ?? readField(w().before, FIELD)
  return (
    <div class="write-detail" id={props.id} data-testid="write-detail">
      <p class="write-change">
        Sets <code>{FIELD}</code> of ACE <span class="mono">{w().ace_id}</span> ({w().catalog} catalog){' '}
        <Show when={w().before}>
          from <code>{readField(w().before, FIELD) ?? 'empty'}</code>{' '}
        </Show>
        to <code>{w().lead_id}</code>, the Odoo opportunity it is linked to.
        <Show when={w().after}>
          {' '}
          Read back after the write: <code>{current() ?? MISSING}</code>.
        </Show>
      </p>
      <Show
        when={w().request}
        fallback={
          <p class="muted write-note">
            No request yet. It is built when the write runs: Partner Central is read again and the request
            carries every field the partner may set, as read, with <code>{FIELD}</code> set to{' '}
            <code>{w().lead_id}</code>
            {w().mode === 'dry_run' ? '. As a dry run it is recorded here, not sent.' : '.'}
          </p>
        }
      >
        {(request) => (
          <JsonBlock
            title="UpdateOpportunity request"
            note={
              w().mode === 'dry_run'
                ? 'recorded by a dry run: what a live run would send, not sent'
                : 'as sent to Partner Central'
            }
            value={request()}
          />
        )}
      </Show>
      <Show when={w().before || w().after}>
        <div class="grid grid-2 write-records">
          <Show when={w().before} fallback={<div />}>
            {(before) => (
              <JsonBlock title="Opportunity before" note="as read before the write" value={before()} />
            )}
          </Show>
          <Show when={w().after} fallback={<div />}>
            {(after) => (
              <JsonBlock title="Opportunity after" note="as read back after the write" value={after()} />
            )}
          </Show>
        </div>
      </Show>
    </div>
  )
}

function JsonBlock(props: { title: string; note: string; value: unknown }) {
  return (
    <figure class="json-block">
      <figcaption>
        <strong>{props.title}</strong> <span class="muted">{props.note}</span>
      </figcaption>
      {/* A region that scrolls takes the focus, so the keyboard can scroll it. */}
      <section class="json-scroll" tabindex="0" aria-label={props.title}>
        <pre>
          <code>
            <For each={toJsonLines(props.value, FIELD)}>
              {(line) => (
                <>
                  {line.marked ? <MarkedLine text={line.text} /> : line.text}
                  {'\n'}
                </>
              )}
            </For>
          </code>
        </pre>
      </section>
    </figure>
  )
}

/** The indentation stays unmarked, so the mark starts where the key does. */
function MarkedLine(props: { text: string }) {
  const indent = () => props.text.length - props.text.trimStart().length
  return (
    <>
      {props.text.slice(0, indent())}
      <mark>{props.text.slice(indent())}</mark>
    </>
  )
}
