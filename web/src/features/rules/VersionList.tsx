// The published versions of the ruleset, newest first: who published each, when, its content hash. A
// version is a link (the URL keeps the choice); the one shown is marked. Plain anchors, which the router
// still handles: its <A> would mark every link to /rules as the current page.
import { For, Show } from 'solid-js'
import { formatDateTime } from '../../lib/format.ts'
import { EmptyState } from '../../ui/States.tsx'
import type { RulesetVersion } from './rules.ts'
import { shortHash } from './rules-describe.ts'

export function VersionList(props: {
  versions: RulesetVersion[]
  /** The version shown; the latest when absent. */
  selected: number | undefined
  href: (version: number) => string
  /** The diff of a version against the one before it. */
  compareHref: (from: number, to: number) => string
}) {
  const selected = () => props.selected ?? props.versions[0]?.version
  return (
    <Show
      when={props.versions.length > 0}
      fallback={
        <EmptyState title="Nothing published yet">
          The tenant's file is shown; the first evaluation publishes it as version 1, or publish an edit.
        </EmptyState>
      }
    >
      <ol class="versions" aria-label="Published versions">
        <For each={props.versions}>
          {(version, index) => {
            const previous = () => props.versions[index() + 1]?.version
            return (
              <li
                class="version"
                data-testid="ruleset-version"
                data-selected={version.version === selected()}
              >
                <a
                  href={props.href(version.version)}
                  class="version-link"
                  aria-current={version.version === selected() ? 'true' : undefined}
                >
                  <span class="version-title">
                    Version {version.version}
                    <Show when={index() === 0}>
                      <span class="badge info">Latest</span>
                    </Show>
                  </span>
                  <span class="version-meta">
                    {version.author} ·{' '}
                    <time datetime={version.published_at}>{formatDateTime(version.published_at)}</time>
                  </span>
                  <span class="version-meta mono" title={version.content_hash}>
                    {shortHash(version.content_hash)} · {version.rules.length} rules
                  </span>
                </a>
                <Show when={previous()}>
                  {(from) => (
                    <a href={props.compareHref(from(), version.version)} class="version-compare">
                      Changes from version {from()}
                    </a>
                  )}
                </Show>
              </li>
            )
          }}
        </For>
      </ol>
    </Show>
  )
}
