// Keyboard shortcuts of a page. Single keys act only when no field has the focus (typing a note must
// not approve anything); a binding with `inFields` also fires there (Escape, Ctrl+Enter).
import { onCleanup, onMount } from 'solid-js'

export interface Shortcut {
  /** `KeyboardEvent.key`, optionally with `Mod+` (Ctrl or ⌘), e.g. `j`, `Escape`, `Mod+Enter`. */
  key: string
  run: (event: KeyboardEvent) => void
  inFields?: boolean
}

function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/** Enter and Space belong to a focused button or link. */
function activatesControl(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false
  return (
    event.target instanceof HTMLElement &&
    Boolean(event.target.closest('a, button, summary, [role="button"]'))
  )
}

function matches(binding: string, event: KeyboardEvent): boolean {
  const mod = binding.startsWith('Mod+')
  const key = mod ? binding.slice(4) : binding
  if (mod !== (event.ctrlKey || event.metaKey) || event.altKey) return false
  return event.key === key || (key.length === 1 && event.key.toLowerCase() === key && !event.shiftKey)
}

/** Binds `shortcuts` while the calling component is mounted. */
export function useShortcuts(shortcuts: () => Shortcut[]): void {
  const listener = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return
    const typing = inField(event.target) || activatesControl(event)
    for (const shortcut of shortcuts()) {
      if (!matches(shortcut.key, event)) continue
      if (typing && !shortcut.inFields) continue
      event.preventDefault()
      shortcut.run(event)
      return
    }
  }
  onMount(() => document.addEventListener('keydown', listener))
  onCleanup(() => document.removeEventListener('keydown', listener))
}
