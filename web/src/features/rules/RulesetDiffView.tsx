// What changed between two rulesets (two published versions, or the current one and an edit):
// parameters, rules added and removed, each changed rule field by field with the changed words marked.
import { For, Show } from 'solid-js'
import { humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import {
  diffSummary,
  formatFieldValue,
  formatParameter,
  isCodeField,
  type ParameterUnit,
  type ParameterValue,
  type RulesetDiff,
  ruleFieldLabel,
} from './rules-describe.ts'
import { type DiffSegment, diffWords } from './word-diff.ts'

function Segments(props: { segments: DiffSegment[]; tag: 'del' | 'ins' }) {
  return (
    <For each={props.segments}>
      {(segment) =>
        segment.changed ? (
          props.tag === 'del' ? (
            <del>{segment.text}</del>
          ) : (
            <ins>{segment.text}</ins>
          )
        ) : (
          segment.text
        )
      }
    </For>
  )
}

/** One value before and after, the changed words marked (a removed or added value wholly). */
function ChangedValue(props: {
  before: string | null
  after: string | null
  code?: boolean
  whole?: boolean
}) {
  // A number reads wrong half-marked (`$5,000` → `$10,000` is not a change of `$5` alone).
  const words = () =>
    props.whole
      ? {
          before: props.before ? [{ text: props.before, changed: true }] : [],
          after: props.after ? [{ text: props.after, changed: true }] : [],
        }
      : diffWords(props.before ?? '', props.after ?? '')
  const cell = (side: 'before' | 'after') => {
    const text = side === 'before' ? props.before : props.after
    return (
      <td class={`diff-${side}`} classList={{ code: props.code }}>
        <Show when={text !== null} fallback={<span class="muted">(none)</span>}>
          <Show when={side === 'before'} fallback={<Segments segments={words().after} tag="ins" />}>
            <Segments segments={words().before} tag="del" />
          </Show>
        </Show>
      </td>
    )
  }
  return (
    <>
      {cell('before')}
      {cell('after')}
    </>
  )
}

export function RulesetDiffView(props: {
  diff: RulesetDiff
  /** Names of the two sides, e.g. `Version 1` and `Version 2`. */
  before: string
  after: string
  units?: Record<string, ParameterUnit>
}) {
  const value = (name: string, parameter: ParameterValue) =>
    formatParameter(parameter, props.units?.[name] ?? (name.endsWith('_days') ? 'days' : 'plain'))
  const parameterRows = () => [
    ...props.diff.parameters_changed.map((p) => ({
      name: p.name,
      before: value(p.name, p.before),
      after: value(p.name, p.after),
      kind: 'changed',
    })),
    ...props.diff.parameters_added.map((p) => ({
      name: p.name,
      before: null,
      after: value(p.name, p.value),
      kind: 'added',
    })),
    ...props.diff.parameters_removed.map((p) => ({
      name: p.name,
      before: value(p.name, p.value),
      after: null,
      kind: 'removed',
    })),
  ]
  return (
    <div class="ruleset-diff" data-testid="ruleset-diff">
      <p class="diff-summary" data-testid="diff-summary">
        {diffSummary(props.diff)}
      </p>
      <Show
        when={!props.diff.identical}
        fallback={
          <EmptyState title="No differences">
            {props.before} and {props.after} have the same rules and parameters.
          </EmptyState>
        }
      >
        <Show when={parameterRows().length > 0}>
          <section class="diff-section" aria-label="Parameter changes">
            <h4>Thresholds and parameters</h4>
            <table class="diff-table" data-testid="parameter-changes">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">{props.before}</th>
                  <th scope="col">{props.after}</th>
                </tr>
              </thead>
              <tbody>
                <For each={parameterRows()}>
                  {(row) => (
                    <tr data-parameter={row.name}>
                      <th scope="row">
                        {humanize(row.name)} <code class="rule-id">{row.name}</code>
                        <Show when={row.kind !== 'changed'}>
                          {' '}
                          <span class={`badge ${row.kind === 'added' ? 'approve' : 'reject'}`}>
                            {humanize(row.kind)}
                          </span>
                        </Show>
                      </th>
                      <ChangedValue before={row.before} after={row.after} whole />
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </Show>

        <Show when={props.diff.rules_added.length + props.diff.rules_removed.length > 0}>
          <section class="diff-section" aria-label="Rules added or removed">
            <h4>Rules added or removed</h4>
            <ul class="diff-rules">
              <For each={props.diff.rules_added}>
                {(id) => (
                  <li>
                    <span class="badge approve">Added</span> {humanize(id)} <code class="rule-id">{id}</code>
                  </li>
                )}
              </For>
              <For each={props.diff.rules_removed}>
                {(id) => (
                  <li>
                    <span class="badge reject">Removed</span> {humanize(id)} <code class="rule-id">{id}</code>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>

        <For each={props.diff.rules_changed}>
          {(rule) => (
            <section class="diff-section" aria-label={`Changes to ${humanize(rule.id)}`} data-rule={rule.id}>
              <h4>
                <span class="badge review">Changed</span> {humanize(rule.id)}{' '}
                <code class="rule-id">{rule.id}</code>
              </h4>
              <table class="diff-table">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">{props.before}</th>
                    <th scope="col">{props.after}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rule.changes}>
                    {(change) => (
                      <tr data-field={change.field}>
                        <th scope="row">{ruleFieldLabel(change.field)}</th>
                        <ChangedValue
                          before={
                            change.before === null ? null : formatFieldValue(change.field, change.before)
                          }
                          after={change.after === null ? null : formatFieldValue(change.field, change.after)}
                          code={isCodeField(change.field)}
                        />
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
          )}
        </For>

        <Show when={props.diff.rule_order}>
          {(order) => (
            <section class="diff-section" aria-label="Rule order">
              <h4>Rule order (the order of evaluation and of the trace)</h4>
              <table class="diff-table">
                <tbody>
                  <tr>
                    <th scope="row">Order</th>
                    <ChangedValue before={order().before.join(', ')} after={order().after.join(', ')} code />
                  </tr>
                </tbody>
              </table>
            </section>
          )}
        </Show>

        <Show when={props.diff.description}>
          {(description) => (
            <section class="diff-section" aria-label="Description">
              <h4>Ruleset description</h4>
              <table class="diff-table">
                <tbody>
                  <tr>
                    <th scope="row">Description</th>
                    <ChangedValue before={description().before} after={description().after} />
                  </tr>
                </tbody>
              </table>
            </section>
          )}
        </Show>
      </Show>
    </div>
  )
}
