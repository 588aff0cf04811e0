// The review queue's filters and search. Every change goes to the URL (the page reads it from there).
import { createAsync } from '@solidjs/router'
import { createEffect, createSignal, For, on, onCleanup, Suspense } from 'solid-js'
import { humanize } from '../../lib/format.ts'
import { ACE_OWNERSHIPS, ACE_STAGES, OUTCOME_LABELS, OUTCOMES } from '../../lib/labels.ts'
import { getRules } from './pod.ts'
import type { PodFilters } from './pod-filters.ts'

export type FilterPatch = Partial<Record<keyof PodFilters, string | undefined>>

/** Every filter removed (the sort stays). */
export const CLEARED_FILTERS: FilterPatch = {
  outcome: undefined,
  rule: undefined,
  stage: undefined,
  owner: undefined,
  close_from: undefined,
  close_to: undefined,
  q: undefined,
}

const SEARCH_DELAY_MS = 300

export function PodFilterBar(props: {
  filters: PodFilters
  onChange: (patch: FilterPatch) => void
  searchRef?: (element: HTMLInputElement) => void
}) {
  const [text, setText] = createSignal(props.filters.q ?? '')
  // The URL may change underneath (back button, "Clear"): show what it says.
  createEffect(
    on(
      () => props.filters.q,
      (q) => setText(q ?? ''),
      { defer: true },
    ),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const search = (value: string) => {
    setText(value)
    clearTimeout(timer)
    timer = setTimeout(() => props.onChange({ q: value.trim() || undefined }), SEARCH_DELAY_MS)
  }
  const set =
    (key: keyof PodFilters) => (event: Event & { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
      props.onChange({ [key]: event.currentTarget.value || undefined })

  return (
    <form class="filters" aria-label="Filter the review queue" onSubmit={(event) => event.preventDefault()}>
      <div class="field search">
        <label for="pod-q">Search</label>
        <input
          id="pod-q"
          type="search"
          placeholder="Customer, ACE id, title or AWS account"
          value={text()}
          ref={(element) => props.searchRef?.(element)}
          onInput={(event) => search(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              clearTimeout(timer)
              props.onChange({ q: text().trim() || undefined })
            }
          }}
        />
      </div>
      <div class="field">
        <label for="pod-outcome">Decision</label>
        <select id="pod-outcome" value={props.filters.outcome ?? ''} onChange={set('outcome')}>
          <option value="">Any decision</option>
          <For each={OUTCOMES}>{(outcome) => <option value={outcome}>{OUTCOME_LABELS[outcome]}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="pod-rule" title="A rule that failed or asked for review">
          Rule
        </label>
        <Suspense
          fallback={
            <select id="pod-rule" disabled>
              <option>Loading rules…</option>
            </select>
          }
        >
          <RuleSelect value={props.filters.rule} onChange={set('rule')} />
        </Suspense>
      </div>
      <div class="field">
        <label for="pod-stage">Stage</label>
        <select id="pod-stage" value={props.filters.stage ?? ''} onChange={set('stage')}>
          <option value="">Any stage</option>
          <For each={ACE_STAGES}>{(stage) => <option value={stage}>{stage}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="pod-owner">Ownership</label>
        <select id="pod-owner" value={props.filters.owner ?? ''} onChange={set('owner')}>
          <option value="">Any</option>
          <For each={ACE_OWNERSHIPS}>{(owner) => <option value={owner}>{owner}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="pod-close-from">Close date from</label>
        <input
          id="pod-close-from"
          type="date"
          value={props.filters.close_from ?? ''}
          onChange={set('close_from')}
        />
      </div>
      <div class="field">
        <label for="pod-close-to">Close date to</label>
        <input
          id="pod-close-to"
          type="date"
          value={props.filters.close_to ?? ''}
          onChange={set('close_to')}
        />
      </div>
      <button
        type="button"
        class="button"
        onClick={() => {
          clearTimeout(timer)
          props.onChange(CLEARED_FILTERS)
        }}
      >
        Clear
      </button>
    </form>
  )
}

function RuleSelect(props: {
  value: string | undefined
  onChange: (event: Event & { currentTarget: HTMLSelectElement }) => void
}) {
  const rules = createAsync(() => getRules().catch(() => []))
  const known = () => (rules() ?? []).some((rule) => rule.id === props.value)
  return (
    <select id="pod-rule" value={props.value ?? ''} onChange={(event) => props.onChange(event)}>
      <option value="">Any rule</option>
      <For each={rules()}>
        {(rule) => (
          <option value={rule.id} title={rule.description}>
            {humanize(rule.id)}
          </option>
        )}
      </For>
      {props.value && !known() ? <option value={props.value}>{humanize(props.value)}</option> : null}
    </select>
  )
}
