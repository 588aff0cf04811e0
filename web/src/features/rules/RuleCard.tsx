// One rule in plain words: what it checks, how severe a failure is, whether it applies, the thresholds
// it uses with their values, its conditions in evaluation order and the explanations it writes.
import { For, Show } from 'solid-js'
import { humanize } from '../../lib/format.ts'
import {
  conditionParts,
  explanationTemplates,
  formatParameter,
  otherwiseResult,
  type ParameterUnit,
  parametersUsedBy,
  type RuleDefinition,
  type RulesetContent,
  SEVERITY_EFFECTS,
  SEVERITY_LABELS,
  templateParts,
} from './rules-describe.ts'

type Parameters = RulesetContent['parameters']

const TEMPLATE_LABELS = {
  any: { label: 'Always', tone: '' },
  pass: { label: 'Pass', tone: 'approve' },
  fail: { label: 'Fail', tone: 'reject' },
  review: { label: 'Review', tone: 'review' },
} as const

export function SeverityBadge(props: { severity: RuleDefinition['severity'] }) {
  return (
    <span
      class={`badge ${props.severity === 'critical' ? 'reject' : 'review'}`}
      title={SEVERITY_EFFECTS[props.severity]}
    >
      {SEVERITY_LABELS[props.severity]}
    </span>
  )
}

export function EnabledBadge(props: { enabled: boolean }) {
  return (
    <span class={`badge ${props.enabled ? 'approve' : ''}`}>{props.enabled ? 'Enabled' : 'Disabled'}</span>
  )
}

/** A CEL condition, each parameter it reads followed by its value. */
export function Condition(props: {
  text: string
  parameters: Parameters
  units: Record<string, ParameterUnit>
}) {
  return (
    <code class="condition">
      <For each={conditionParts(props.text, props.parameters, props.units)}>
        {(part) =>
          part.kind === 'code' ? (
            part.text
          ) : (
            <span class="param-value" title={`The value of params.${part.name}`}>
              = {part.value}
            </span>
          )
        }
      </For>
    </code>
  )
}

/** An explanation template: parameters filled in, per-opportunity values shown as placeholders. */
export function Template(props: {
  text: string
  parameters: Parameters
  units: Record<string, ParameterUnit>
}) {
  return (
    <For each={templateParts(props.text, props.parameters, props.units)}>
      {(part) =>
        part.kind === 'text' ? (
          part.text
        ) : part.kind === 'value' ? (
          <strong class="template-value" title={part.expression}>
            {part.text}
          </strong>
        ) : (
          <span class="template-slot" title={`Filled in per opportunity: ${part.text}`}>
            {part.label}
          </span>
        )
      }
    </For>
  )
}

export function RuleCard(props: {
  rule: RuleDefinition
  parameters: Parameters
  units: Record<string, ParameterUnit>
}) {
  const thresholds = () => parametersUsedBy(props.rule).filter((name) => props.parameters[name] !== undefined)
  const headingId = () => `rule-${props.rule.id}-title`
  return (
    <li
      class="rule-card"
      classList={{ disabled: !props.rule.enabled }}
      id={`rule-${props.rule.id}`}
      data-testid="rule"
      data-rule={props.rule.id}
      aria-labelledby={headingId()}
    >
      <div class="rule-head">
        <div class="rule-heading">
          <h4 id={headingId()}>
            {humanize(props.rule.id)} <code class="rule-id">{props.rule.id}</code>
          </h4>
          <p class="rule-description">{props.rule.description}</p>
        </div>
        <div class="rule-badges">
          <SeverityBadge severity={props.rule.severity} />
          <EnabledBadge enabled={props.rule.enabled} />
        </div>
      </div>
      <Show when={thresholds().length > 0}>
        <ul class="thresholds" aria-label="Thresholds">
          <For each={thresholds()}>
            {(name) => (
              <li class="threshold" data-parameter={name}>
                <span>{humanize(name)}</span>{' '}
                <strong>{formatParameter(props.parameters[name]!, props.units[name])}</strong>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <dl class="rule-logic">
        <Show when={props.rule.requires.length > 0}>
          <dt>Needs</dt>
          <dd>
            <code class="condition">{props.rule.requires.join(', ')}</code>{' '}
            <span class="muted">
              (not evaluated when {props.rule.requires.length === 1 ? 'it is' : 'one is'} unknown)
            </span>
          </dd>
        </Show>
        <Show when={props.rule.review_if}>
          {(condition) => (
            <>
              <dt>Sent to review when</dt>
              <dd>
                <Condition text={condition()} parameters={props.parameters} units={props.units} />
              </dd>
            </>
          )}
        </Show>
        <Show when={props.rule.fail}>
          {(condition) => (
            <>
              <dt>Fails when</dt>
              <dd>
                <Condition text={condition()} parameters={props.parameters} units={props.units} />
              </dd>
            </>
          )}
        </Show>
        <dt>Passes when</dt>
        <dd>
          <Condition text={props.rule.pass} parameters={props.parameters} units={props.units} />
        </dd>
        <dt>Otherwise</dt>
        <dd>
          {otherwiseResult(props.rule) === 'fail' ? 'It fails. ' : 'It is sent to review. '}
          <span class="muted">{SEVERITY_EFFECTS[props.rule.severity]}</span>
        </dd>
        <dt>Explains</dt>
        <dd>
          <ul class="templates">
            <For each={explanationTemplates(props.rule.explanation)}>
              {(template) => (
                <li>
                  <span class={`badge ${TEMPLATE_LABELS[template.result].tone}`}>
                    {TEMPLATE_LABELS[template.result].label}
                  </span>
                  <span class="template-text">
                    <Template text={template.text} parameters={props.parameters} units={props.units} />
                  </span>
                </li>
              )}
            </For>
          </ul>
        </dd>
      </dl>
    </li>
  )
}
