// Two published versions side by side: choose them (the newest and the one before by default), read what
// changed from one to the other.
import { createAsync, revalidate } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDate } from '../../lib/format.ts'
import { Async, EmptyState, LoadingLines } from '../../ui/States.tsx'
import { RulesetDiffView } from './RulesetDiffView.tsx'
import { getRulesetDiff, type RulesetVersion } from './rules.ts'
import type { ParameterUnit } from './rules-describe.ts'
import { comparedVersions, type RulesView } from './rules-view.ts'

function VersionSelect(props: {
  id: string
  label: string
  value: number
  versions: RulesetVersion[]
  onChange: (version: number) => void
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
      >
        <For each={props.versions}>
          {(version) => (
            <option value={version.version} selected={version.version === props.value}>
              Version {version.version} · {version.author} · {formatDate(version.published_at)}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}

function LoadedDiff(props: { from: number; to: number; units: Record<string, ParameterUnit> }) {
  const diff = createAsync(() => getRulesetDiff(props.from, props.to))
  return (
    <Show when={diff()}>
      {(loaded) => (
        <RulesetDiffView
          diff={loaded()}
          before={`Version ${props.from}`}
          after={`Version ${props.to}`}
          units={props.units}
        />
      )}
    </Show>
  )
}

export function VersionCompare(props: {
  versions: RulesetVersion[]
  view: RulesView
  units: Record<string, ParameterUnit>
  onChange: (from: number, to: number) => void
}) {
  const pair = () =>
    comparedVersions(
      props.view,
      props.versions.map((version) => version.version),
    )
  return (
    <Show
      when={pair()}
      fallback={
        <EmptyState title="Nothing to compare yet">
          Only {props.versions.length === 0 ? 'the unpublished file exists' : 'one version is published'}.
          Publish an edit to compare two versions.
        </EmptyState>
      }
    >
      {(compared) => (
        <div class="compare">
          <div class="compare-bar">
            <VersionSelect
              id="diff-from"
              label="From"
              value={compared().from}
              versions={props.versions}
              onChange={(from) => props.onChange(from, compared().to)}
            />
            <span class="compare-arrow" aria-hidden="true">
              →
            </span>
            <VersionSelect
              id="diff-to"
              label="To"
              value={compared().to}
              versions={props.versions}
              onChange={(to) => props.onChange(compared().from, to)}
            />
            <button
              type="button"
              class="button"
              onClick={() => props.onChange(compared().to, compared().from)}
              aria-label="Swap the two versions"
            >
              ⇄ Swap
            </button>
          </div>
          <Show
            when={compared().from !== compared().to}
            fallback={<p class="notice">Choose two different versions to see what changed.</p>}
          >
            <Async
              title="The difference could not be loaded"
              onRetry={() => revalidate(getRulesetDiff.key)}
              fallback={<LoadingLines lines={8} height={20} label="Loading the difference" />}
            >
              <LoadedDiff from={compared().from} to={compared().to} units={props.units} />
            </Async>
          </Show>
        </div>
      )}
    </Show>
  )
}
