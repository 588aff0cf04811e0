// The Rules page's views as tabs (the choice lives in the URL).
import { Tabs } from '../../ui/Tabs.tsx'
import { RULES_TAB_LABELS, RULES_TABS, type RulesTab } from './rules-view.ts'

export const tabId = (tab: RulesTab) => `rules-tab-${tab}`
export const tabPanelId = (tab: RulesTab) => `rules-panel-${tab}`

export function RulesTabs(props: { tab: RulesTab; onSelect: (tab: RulesTab) => void }) {
  return (
    <Tabs
      tabs={RULES_TABS}
      selected={props.tab}
      onSelect={(tab) => props.onSelect(tab)}
      label="Ruleset views"
      tabId={tabId}
      panelId={tabPanelId}
    >
      {(tab) => RULES_TAB_LABELS[tab]}
    </Tabs>
  )
}
