// The selection: customers, payer accounts and linked accounts, picked in a searchable list of the
// hierarchy and shown as removable chips. The view covers their union; nothing picked is every account.
import { createAsync } from '@solidjs/router'
import { createSignal, For, onCleanup, Show, Suspense } from 'solid-js'
import { LoadingLines } from '../../ui/States.tsx'
import { AccountTree, type Selection, type SelectionKind } from './AccountTree.tsx'
import { getAccountNames } from './cost.ts'

const SEARCH_DELAY_MS = 300

const KIND_LABELS: Record<SelectionKind, string> = {
  customers: 'Customer',
  payers: 'Payer',
  accounts: 'Account',
}

export function AccountPicker(props: { selection: Selection; onChange: (selection: Selection) => void }) {
  const [open, setOpen] = createSignal(false)
  const [text, setText] = createSignal('')
  const [q, setQ] = createSignal('')
  let button!: HTMLButtonElement
  let root!: HTMLDivElement
  let timer: ReturnType<typeof setTimeout> | undefined
  const count = () =>
    props.selection.accounts.length + props.selection.payers.length + props.selection.customers.length

  const close = (focusButton = true) => {
    setOpen(false)
    if (focusButton) button.focus()
  }
  const outside = (event: MouseEvent) => {
    if (open() && !root.contains(event.target as Node)) close(false)
  }
  const onEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open()) close()
  }
  document.addEventListener('mousedown', outside)
  document.addEventListener('keydown', onEscape)
  onCleanup(() => {
    document.removeEventListener('mousedown', outside)
    document.removeEventListener('keydown', onEscape)
    clearTimeout(timer)
  })
  const search = (value: string) => {
    setText(value)
    clearTimeout(timer)
    timer = setTimeout(() => setQ(value.trim()), SEARCH_DELAY_MS)
  }
  const toggle = (kind: SelectionKind, id: string) => {
    const current = props.selection[kind]
    const next = current.includes(id) ? current.filter((value) => value !== id) : [...current, id]
    props.onChange({ ...props.selection, [kind]: next })
  }

  return (
    <div class="picker" ref={root}>
      <div class="field">
        <span class="label" id="picker-label">
          Accounts
        </span>
        <div class="picker-line">
          <button
            ref={button}
            type="button"
            class="button picker-button"
            aria-expanded={open()}
            aria-controls="account-picker"
            aria-describedby="picker-label"
            onClick={() => (open() ? close() : setOpen(true))}
          >
            {count() === 0 ? 'All accounts' : `${count()} selected`}
            <span aria-hidden="true">▾</span>
          </button>
          <Suspense>
            <SelectionChips selection={props.selection} onRemove={toggle} />
          </Suspense>
          <Show when={count() > 0}>
            <button
              type="button"
              class="button small"
              onClick={() => props.onChange({ accounts: [], payers: [], customers: [] })}
            >
              Clear selection
            </button>
          </Show>
        </div>
      </div>
      <Show when={open()}>
        <div id="account-picker" class="picker-panel" role="dialog" aria-label="Choose accounts">
          <div class="field">
            <label for="picker-q">Search customers and accounts</label>
            <input
              id="picker-q"
              type="search"
              placeholder="Name, alias or AWS account number"
              value={text()}
              ref={(element) => queueMicrotask(() => element.focus())}
              onInput={(event) => search(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  clearTimeout(timer)
                  setQ(text().trim())
                }
              }}
            />
          </div>
          <div class="picker-results">
            <Suspense fallback={<LoadingLines lines={8} label="Loading accounts" />}>
              <AccountTree q={q()} selection={props.selection} onToggle={toggle} />
            </Suspense>
          </div>
          <div class="picker-footer">
            <span class="muted">
              {count() === 0
                ? 'Nothing picked: every account'
                : `${count()} picked · the view covers them all`}
            </span>
            <button type="button" class="button primary small" onClick={() => close()}>
              Done
            </button>
          </div>
        </div>
      </Show>
    </div>
  )
}

/** The picked customers, payers and accounts by name, each with a button that removes it. */
function SelectionChips(props: {
  selection: Selection
  onRemove: (kind: SelectionKind, id: string) => void
}) {
  const picked = () =>
    props.selection.accounts.length + props.selection.payers.length + props.selection.customers.length > 0
  // Names are read only once something is picked; without them a chip shows the id.
  const names = createAsync(async () => (picked() ? getAccountNames().catch(() => undefined) : undefined))
  const items = () =>
    (['customers', 'payers', 'accounts'] as const).flatMap((kind) =>
      props.selection[kind].map((id) => {
        const map = names()?.[kind === 'customers' ? 'customer' : kind === 'payers' ? 'payer' : 'account']
        return { kind, id, name: map?.get(id) ?? `${KIND_LABELS[kind]} ${id}` }
      }),
    )
  return (
    <ul class="selection-chips" aria-label="Selected">
      <For each={items()}>
        {(item) => (
          <li class="selection-chip" data-testid="selection-chip">
            <span class="chip-kind">{KIND_LABELS[item.kind]}</span>
            <span class="truncate chip-name" title={item.name}>
              {item.name}
            </span>
            <button
              type="button"
              aria-label={`Remove ${KIND_LABELS[item.kind].toLowerCase()} ${item.name}`}
              onClick={() => props.onRemove(item.kind, item.id)}
            >
              ×
            </button>
          </li>
        )}
      </For>
    </ul>
  )
}
