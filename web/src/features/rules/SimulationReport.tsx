// What an edit would do to today's decisions: outcomes counted now and with the edit, what the edit
// changes in the ruleset, and every opportunity whose outcome moves, with the rules that moved it and a
// link to its current decision.
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDate, formatNumber, humanize, MISSING } from '../../lib/format.ts'
import { OUTCOMES, RULE_RESULT_LABELS } from '../../lib/labels.ts'
import { OutcomeBadge } from '../../ui/Badges.tsx'
import { EmptyState } from '../../ui/States.tsx'
import { RulesetDiffView } from './RulesetDiffView.tsx'
import type { SimulationReport } from './rules.ts'
import { formatDelta, type ParameterUnit } from './rules-describe.ts'

type Change = SimulationReport['changes'][number]

function resultLabel(result: Change['rules'][number]['before']): string {
  return result === null ? 'absent' : RULE_RESULT_LABELS[result]
}

export function SimulationReportView(props: {
  report: SimulationReport
  units?: Record<string, ParameterUnit>
  /** The YAML changed since this simulation ran. */
  stale: boolean
}) {
  const current = () =>
    props.report.current.version === null ? "the tenant's file" : `version ${props.report.current.version}`
  const currentLabel = () =>
    props.report.current.version === null ? 'Now' : `Now (version ${props.report.current.version})`
  return (
    <div class="simulation" data-testid="simulation">
      <Show when={props.stale}>
        <p class="notice warning" role="status">
          The YAML changed since this simulation: simulate again to see what the edit does now.
        </p>
      </Show>
      <p class="simulation-summary" data-testid="simulation-summary">
        Judged <strong>{formatNumber(props.report.evaluated)}</strong> ACE opportunities as of{' '}
        {formatDate(props.report.as_of)} with {current()} and with your edit:{' '}
        <strong>{formatNumber(props.report.changes.length)}</strong>{' '}
        {props.report.changes.length === 1 ? 'would change its outcome' : 'would change their outcome'}
        <Show when={props.report.rules_changed_only > 0}>
          , {formatNumber(props.report.rules_changed_only)} more would change rule results only
        </Show>
        .
      </p>

      <section aria-labelledby="simulation-counts-title">
        <h4 id="simulation-counts-title">Outcomes</h4>
        <table class="counts" data-testid="simulation-counts">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" class="num">
                {currentLabel()}
              </th>
              <th scope="col" class="num">
                With the edit
              </th>
              <th scope="col" class="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={OUTCOMES}>
              {(outcome) => {
                const before = () => props.report.counts.current[outcome]
                const after = () => props.report.counts.candidate[outcome]
                return (
                  <tr data-outcome={outcome}>
                    <th scope="row">
                      <OutcomeBadge outcome={outcome} />
                    </th>
                    <td class="num">{formatNumber(before())}</td>
                    <td class="num">{formatNumber(after())}</td>
                    <td
                      class="num delta"
                      classList={{ up: after() > before(), down: after() < before() }}
                      data-testid={`delta-${outcome}`}
                    >
                      {formatDelta(after() - before())}
                    </td>
                  </tr>
                )
              }}
            </For>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="simulation-diff-title">
        <h4 id="simulation-diff-title">What the edit changes</h4>
        <RulesetDiffView
          diff={props.report.diff}
          before={props.report.current.version === null ? 'Now' : `Version ${props.report.current.version}`}
          after="Your edit"
          units={props.units}
        />
      </section>

      <section aria-labelledby="simulation-changes-title">
        <h4 id="simulation-changes-title">
          Opportunities whose outcome changes ({formatNumber(props.report.changes.length)})
        </h4>
        <Show
          when={props.report.changes.length > 0}
          fallback={
            <EmptyState title="No outcome would change">
              Every ACE opportunity keeps its outcome with this edit
              {props.report.rules_changed_only > 0
                ? `; ${formatNumber(props.report.rules_changed_only)} would change rule results only.`
                : '.'}
            </EmptyState>
          }
        >
          <div class="table-wrap changes-wrap">
            <table class="changes" data-testid="simulation-changes">
              <thead>
                <tr>
                  <th scope="col">Opportunity</th>
                  <th scope="col">Now</th>
                  <th scope="col">With the edit</th>
                  <th scope="col">Rules whose result changes</th>
                </tr>
              </thead>
              <tbody>
                <For each={props.report.changes}>
                  {(change) => (
                    <tr data-testid="simulation-change" data-ace-id={change.ace_id}>
                      <td>
                        <Show when={change.decision_id} fallback={<span class="mono">{change.ace_id}</span>}>
                          {(id) => (
                            <A href={`/pod/${id()}`} class="mono">
                              {change.ace_id}
                            </A>
                          )}
                        </Show>
                        <div class="truncate muted" title={change.customer_name ?? undefined}>
                          {change.customer_name ?? MISSING}
                        </div>
                      </td>
                      <td>
                        <OutcomeBadge outcome={change.before} />
                      </td>
                      <td>
                        <OutcomeBadge outcome={change.after} />
                      </td>
                      <td>
                        <ul class="rule-moves">
                          <For each={change.rules}>
                            {(rule) => (
                              <li>
                                {humanize(rule.rule_id)}: {resultLabel(rule.before)} →{' '}
                                <strong>{resultLabel(rule.after)}</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </div>
  )
}
