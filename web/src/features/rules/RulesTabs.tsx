// The Rules page's views as tabs (the choice lives in the URL): arrow keys move between them, as the
// ARIA tabs pattern has it.
import { For } from 'solid-js'
import { RULES_TAB_LABELS, RULES_TABS, type RulesTab } from './rules-view.ts'

export const tabId = (tab: RulesTab) => `rules-tab-${tab}`
export const tabPanelId = (tab: RulesTab) => `rules-panel-${tab}`

export function RulesTabs(props: { tab: RulesTab; onSelect: (tab: RulesTab) => void }) {
  const buttons: HTMLButtonElement[] = []
  const move = (from: number, by: number) => {
    const next = (from + by + RULES_TABS.length) % RULES_TABS.length
    props.onSelect(RULES_TABS[next]!)
    buttons[next]?.focus()
  }
  return (
    <div class="tabs" role="tablist" aria-label="Ruleset views">
      <For each={RULES_TABS}>
        {(tab, index) => (
          <button
            type="button"
            role="tab"
            class="tab"
            id={tabId(tab)}
            ref={(element) => {
              buttons[index()] = element
            }}
            aria-selected={props.tab === tab}
            aria-controls={tabPanelId(tab)}
            tabindex={props.tab === tab ? 0 : -1}
            onClick={() => props.onSelect(tab)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(index(), 1)
              else if (event.key === 'ArrowLeft') move(index(), -1)
              else if (event.key === 'Home') move(0, 0)
              else if (event.key === 'End') move(RULES_TABS.length - 1, 0)
              else return
              event.preventDefault()
            }}
          >
            {RULES_TAB_LABELS[tab]}
          </button>
        )}
      </For>
    </div>
  )
}
