// `/rules`: the tenant's POD ruleset. Its published versions beside three views: the rules of a version
// in plain words, the difference between two versions, and an editor that simulates an edit against
// today's decisions before publishing it. Version, compared versions and view live in the URL.
import { createAsync, type RouteDefinition, revalidate, useSearchParams } from '@solidjs/router'
import { createMemo, Match, Show, Switch } from 'solid-js'
import { RulesetView, VersionHeader } from '../features/rules/RulesetView.tsx'
import { RulesetWorkbench } from '../features/rules/RulesetWorkbench.tsx'
import { RulesTabs, tabId, tabPanelId } from '../features/rules/RulesTabs.tsx'
import { getDecisionsAsOf, getRulesetConfig, listRulesetVersions } from '../features/rules/rules.ts'
import { parameterUnits } from '../features/rules/rules-describe.ts'
import { type RulesView, readRulesView, rulesSearch } from '../features/rules/rules-view.ts'
import { VersionCompare } from '../features/rules/VersionCompare.tsx'
import { VersionList } from '../features/rules/VersionList.tsx'
import { apiKey } from '../lib/api-key.ts'
import { PageHeader, Panel } from '../ui/Panel.tsx'
import { Async, LoadingLines } from '../ui/States.tsx'

export const route = {
  preload: ({ location }) => {
    if (!apiKey()) return
    const view = readRulesView(Object.fromEntries(new URLSearchParams(location.search)))
    void listRulesetVersions()
    void getRulesetConfig(view.version)
    if (view.tab === 'edit') void getDecisionsAsOf().catch(() => null)
  },
} satisfies RouteDefinition

const retryRuleset = () => revalidate([listRulesetVersions.key, getRulesetConfig.key])

export default function RulesPage() {
  const [params, setParams] = useSearchParams()
  const view = createMemo(() => readRulesView(params))
  const versions = createAsync(() => listRulesetVersions())
  const config = createAsync(() => getRulesetConfig(view().version))
  const latestVersion = () => versions()?.[0]?.version ?? null
  // Read only inside the views' boundaries: reading the config here would suspend (or fail) the page.
  const units = () => {
    const loaded = config()
    return loaded ? parameterUnits(loaded.content) : {}
  }
  const href = (patch: Partial<RulesView>) => `/rules${rulesSearch({ ...view(), ...patch })}`
  return (
    <div class="page">
      <PageHeader
        title="Rules"
        subtitle="The POD ruleset: its published versions, its rules in plain words, and what an edit would change before it is published"
      />
      <div class="grid rules-layout">
        <Panel id="versions" title="Versions" subtitle="Published, newest first" flush class="versions-panel">
          <Async
            title="The versions could not be loaded"
            onRetry={() => revalidate(listRulesetVersions.key)}
            fallback={<LoadingLines lines={5} height={48} label="Loading the versions" />}
          >
            <VersionList
              versions={versions() ?? []}
              selected={view().version}
              href={(version) => href({ version, tab: view().tab === 'diff' ? 'rules' : view().tab })}
              compareHref={(from, to) => href({ tab: 'diff', from, to })}
            />
          </Async>
        </Panel>
        <section class="panel rules-main" aria-label="Ruleset">
          <RulesTabs
            tab={view().tab}
            onSelect={(tab) => setParams({ tab: tab === 'rules' ? undefined : tab })}
          />
          <div
            class="rules-panel"
            role="tabpanel"
            id={tabPanelId(view().tab)}
            aria-labelledby={tabId(view().tab)}
            tabindex="0"
          >
            <Async
              resetKey={`${view().tab}:${view().version}`}
              title={
                view().tab === 'diff'
                  ? 'The versions could not be compared'
                  : 'The ruleset could not be loaded'
              }
              onRetry={retryRuleset}
              fallback={<LoadingLines lines={14} height={20} label="Loading the ruleset" />}
            >
              <Switch>
                <Match when={view().tab === 'rules'}>
                  <Show when={config()}>
                    {(loaded) => (
                      <>
                        <VersionHeader
                          config={loaded()}
                          latest={loaded().version === latestVersion()}
                          editHref={href({ tab: 'edit' })}
                        />
                        <RulesetView config={loaded()} />
                      </>
                    )}
                  </Show>
                </Match>
                <Match when={view().tab === 'diff'}>
                  <VersionCompare
                    versions={versions() ?? []}
                    view={view()}
                    units={units()}
                    onChange={(from, to) => setParams({ from, to })}
                  />
                </Match>
                <Match when={view().tab === 'edit'}>
                  <Show when={config()}>
                    {(loaded) => (
                      <RulesetWorkbench
                        base={loaded()}
                        latestVersion={latestVersion()}
                        onPublished={(published) => {
                          // A chosen version follows to the new one; without one the latest is shown anyway.
                          if (view().version !== undefined && published.version !== null)
                            setParams({ version: published.version })
                        }}
                      />
                    )}
                  </Show>
                </Match>
              </Switch>
            </Async>
          </div>
        </section>
      </div>
    </div>
  )
}
