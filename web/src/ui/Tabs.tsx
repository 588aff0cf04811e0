// A row of tabs whose choice the page keeps (usually in the URL): arrow keys, Home and End move between
// them, as the ARIA tabs pattern has it. The page renders the tab panel with `tabPanelId`.
import { For, type JSX } from 'solid-js'

export function Tabs<T extends string>(props: {
  tabs: readonly T[]
  selected: T
  onSelect: (tab: T) => void
  /** What the tabs choose between, for screen readers. */
  label: string
  /** The tab's element id (its panel is labelled by it). */
  tabId: (tab: T) => string
  /** The id of the panel the tabs control. */
  panelId: (tab: T) => string
  children: (tab: T) => JSX.Element
}) {
  const buttons: HTMLButtonElement[] = []
  const move = (from: number, by: number) => {
    const next = (from + by + props.tabs.length) % props.tabs.length
    props.onSelect(props.tabs[next]!)
    buttons[next]?.focus()
  }
  return (
    <div class="tabs" role="tablist" aria-label={props.label}>
      <For each={props.tabs}>
        {(tab, index) => (
          <button
            type="button"
            role="tab"
            class="tab"
            id={props.tabId(tab)}
            ref={(element) => {
              buttons[index()] = element
            }}
            aria-selected={props.selected === tab}
            aria-controls={props.panelId(tab)}
            tabindex={props.selected === tab ? 0 : -1}
            onClick={() => props.onSelect(tab)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(index(), 1)
              else if (event.key === 'ArrowLeft') move(index(), -1)
              else if (event.key === 'Home') move(0, 0)
              else if (event.key === 'End') move(props.tabs.length - 1, 0)
              else return
              event.preventDefault()
            }}
          >
            {props.children(tab)}
          </button>
        )}
      </For>
    </div>
  )
}
