// A ruleset version in plain words: which version it is, how outcomes follow from rules, its thresholds
// and parameters with the rules that use them, then the rules that apply and those shipped disabled.
import { createMemo, For, Show } from 'solid-js'
import { formatDateTime, humanize } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import { RuleCard } from './RuleCard.tsx'
import type { RulesetConfig } from './rules.ts'
import {
  formatParameter,
  orderedParameters,
  parametersUsedBy,
  parameterUnits,
  shortHash,
} from './rules-describe.ts'

/** Which version is shown, by whom and when; the tenant's file before anything is published. */
export function VersionHeader(props: { config: RulesetConfig; latest: boolean; editHref: string }) {
  return (
    <div class="version-header" data-testid="version-header">
      <div>
        <h3>
          <Show when={props.config.version !== null} fallback="Not published yet: the tenant's file">
            Version {props.config.version} of ruleset {props.config.ruleset}
          </Show>{' '}
          <Show when={props.latest && props.config.version !== null}>
            <span class="badge info">Latest</span>
          </Show>
        </h3>
        <p class="muted">
          <Show
            when={props.config.published_at}
            fallback="The first evaluation publishes it as version 1 (by system)."
          >
            Published by {props.config.author} on {formatDateTime(props.config.published_at)}
          </Show>{' '}
          ·{' '}
          <span class="mono" title={props.config.content_hash}>
            {shortHash(props.config.content_hash)}
          </span>
        </p>
      </div>
      <a class="button" href={props.editHref}>
        Edit from this version
      </a>
    </div>
  )
}

export function RulesetView(props: { config: RulesetConfig }) {
  const content = () => props.config.content
  const units = createMemo(() => parameterUnits(content()))
  const enabled = () => content().rules.filter((rule) => rule.enabled)
  const disabled = () => content().rules.filter((rule) => !rule.enabled)
  const usedBy = (name: string) => content().rules.filter((rule) => parametersUsedBy(rule).includes(name))
  const critical = () => enabled().filter((rule) => rule.severity === 'critical').length
  return (
    <div class="ruleset">
      <div class="ruleset-intro">
        <p class="ruleset-description">{content().description}</p>
        <p class="muted">
          {enabled().length} rules apply ({critical()} critical, {enabled().length - critical()} for review)
          {disabled().length > 0 ? `; ${disabled().length} are disabled` : ''}. An opportunity is{' '}
          <strong>auto-rejected</strong> when a critical rule fails, <strong>needs review</strong> when a
          review rule fails or asks for review, and is <strong>auto-approved</strong> otherwise.
        </p>
      </div>

      <section class="ruleset-section" aria-labelledby="parameters-title">
        <h3 id="parameters-title">Thresholds and parameters</h3>
        <Show
          when={Object.keys(content().parameters).length > 0}
          fallback={<p class="muted">This ruleset has no parameters.</p>}
        >
          <div class="table-wrap">
            <table class="parameters" data-testid="parameters">
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Value</th>
                  <th scope="col">Used by</th>
                </tr>
              </thead>
              <tbody>
                <For each={orderedParameters(content())}>
                  {(name) => (
                    <tr data-parameter={name}>
                      <td>
                        <div class="parameter-name">{humanize(name)}</div>
                        <code class="rule-id">{name}</code>
                      </td>
                      <td class="parameter-value">
                        {formatParameter(content().parameters[name]!, units()[name])}
                      </td>
                      <td>
                        <Show
                          when={usedBy(name).length > 0}
                          fallback={<span class="muted">No rule; read when the facts are collected</span>}
                        >
                          <span class="chips">
                            <For each={usedBy(name)}>
                              {(rule) => (
                                <span class="chip" classList={{ muted: !rule.enabled }}>
                                  {humanize(rule.id)}
                                  {rule.enabled ? '' : ' (disabled)'}
                                </span>
                              )}
                            </For>
                          </span>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <section class="ruleset-section" aria-labelledby="enabled-rules-title">
        <h3 id="enabled-rules-title">Rules that apply ({enabled().length})</h3>
        <Show
          when={enabled().length > 0}
          fallback={<EmptyState title="No rule applies">Every rule is disabled.</EmptyState>}
        >
          <ol class="rule-list">
            <For each={enabled()}>
              {(rule) => <RuleCard rule={rule} parameters={content().parameters} units={units()} />}
            </For>
          </ol>
        </Show>
      </section>

      <Show when={disabled().length > 0}>
        <section class="ruleset-section" aria-labelledby="disabled-rules-title">
          <h3 id="disabled-rules-title">Disabled rules ({disabled().length})</h3>
          <p class="muted section-note">Shipped with the ruleset but not applied; an edit can enable them.</p>
          <ol class="rule-list">
            <For each={disabled()}>
              {(rule) => <RuleCard rule={rule} parameters={content().parameters} units={units()} />}
            </For>
          </ol>
        </section>
      </Show>
    </div>
  )
}
