// The rule trace in plain language: each rule's result, its explanation with the values it used.
import { For, Show } from 'solid-js'
import type { Schemas } from '../../lib/api-client.ts'
import { humanize } from '../../lib/format.ts'
import { RULE_RESULT_LABELS, type RuleResult } from '../../lib/labels.ts'

type Rule = Schemas['RuleTrace']

const RESULT_TONE: Record<RuleResult, string> = {
  pass: 'approve',
  fail: 'reject',
  review: 'review',
  not_evaluated: 'info',
  disabled: '',
}

/** Failed first, then review, not evaluated, passed; the ruleset's order within each. */
const RESULT_ORDER: Record<RuleResult, number> = {
  fail: 0,
  review: 1,
  not_evaluated: 2,
  pass: 3,
  disabled: 4,
}

function formatInput(value: unknown): string {
  if (value === null || value === undefined) return 'unknown'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

export function RuleTrace(props: { rules: Rule[] }) {
  const ordered = () =>
    props.rules
      .map((rule, index) => ({ rule, index }))
      .sort((a, b) => RESULT_ORDER[a.rule.result] - RESULT_ORDER[b.rule.result] || a.index - b.index)
      .map((entry) => entry.rule)
  const active = () => ordered().filter((rule) => rule.result !== 'disabled')
  const disabled = () => ordered().filter((rule) => rule.result === 'disabled')
  return (
    <>
      <ol class="trace" data-testid="rule-trace">
        <For each={active()}>{(rule) => <RuleItem rule={rule} />}</For>
      </ol>
      <Show when={disabled().length > 0}>
        <details style={{ padding: '10px 16px', 'border-top': '1px solid var(--border)' }}>
          <summary>
            {disabled().length} {disabled().length === 1 ? 'rule is' : 'rules are'} disabled in this ruleset
          </summary>
          <ol class="trace">
            <For each={disabled()}>{(rule) => <RuleItem rule={rule} />}</For>
          </ol>
        </details>
      </Show>
    </>
  )
}

function RuleItem(props: { rule: Rule }) {
  return (
    <li data-result={props.rule.result}>
      <div>
        <span class={`badge ${RESULT_TONE[props.rule.result]}`}>{RULE_RESULT_LABELS[props.rule.result]}</span>
      </div>
      <div>
        <div class="rule-name">
          {humanize(props.rule.rule_id)}{' '}
          <span class="muted" style={{ 'font-weight': 400 }}>
            · {props.rule.description}
          </span>
        </div>
        <p class="explanation">{props.rule.explanation}</p>
        <Show when={props.rule.result === 'not_evaluated' && props.rule.missing.length > 0}>
          <p class="explanation muted">Missing: {props.rule.missing.join(', ')}</p>
        </Show>
        <Show when={props.rule.error}>
          <p class="explanation" style={{ color: 'var(--reject)' }}>
            {props.rule.error}
          </p>
        </Show>
        <Show when={Object.keys(props.rule.inputs).length > 0}>
          <div class="inputs">
            {Object.entries(props.rule.inputs)
              .map(([fact, value]) => `${fact} = ${formatInput(value)}`)
              .join(' · ')}
          </div>
        </Show>
      </div>
    </li>
  )
}

/** `2 failed · 1 for review · 8 passed`. */
export function ruleSummary(rules: Rule[]): string {
  const count = (result: RuleResult) => rules.filter((rule) => rule.result === result).length
  return [
    [count('fail'), 'failed'],
    [count('review'), 'for review'],
    [count('not_evaluated'), 'not evaluated'],
    [count('pass'), 'passed'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, label]) => `${n} ${label}`)
    .join(' · ')
}
