// Where the drill-down stands: the selection, then each opened row; every step but the last goes back.
// Plain links (the router follows them): <A> would mark every one current, as they share the path.
import { For, Show } from 'solid-js'
import { GROUP_LABELS } from './cost-labels.ts'
import type { CostState } from './cost-state.ts'

export function DrillBreadcrumbs(props: { state: CostState; href: (depth: number) => string }) {
  const picked = () => props.state.accounts.length + props.state.payers.length + props.state.customers.length
  const root = () => (picked() > 0 ? `Selection (${picked()})` : 'All accounts')
  const last = () => props.state.drill.length
  return (
    <nav aria-label="Drill-down" class="breadcrumbs" data-testid="breadcrumbs">
      <ol>
        <li>
          <Show when={last() > 0} fallback={<span aria-current="page">{root()}</span>}>
            <a href={props.href(0)}>{root()}</a>
          </Show>
        </li>
        <For each={props.state.drill}>
          {(step, index) => (
            <li>
              <span class="crumb-group">{GROUP_LABELS[step.group]}</span>
              <Show
                when={index() < last() - 1}
                fallback={
                  <span aria-current="page" class="crumb-current">
                    {step.label}
                  </span>
                }
              >
                <a href={props.href(index() + 1)}>{step.label}</a>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  )
}
