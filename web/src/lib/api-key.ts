// The API key of this browser. `npm start` prints a URL with `#key=…`: the key is taken from the
// fragment (never sent to a server, never in logs), kept in localStorage and removed from the address.
import { createSignal } from 'solid-js'

const STORAGE_KEY = 'revops.apiKey'

function readInitialKey(): string | null {
  if (typeof window === 'undefined') return null
  const fragment = new URLSearchParams(window.location.hash.slice(1))
  const fromUrl = fragment.get('key')?.trim()
  if (fromUrl) {
    window.localStorage.setItem(STORAGE_KEY, fromUrl)
    fragment.delete('key')
    const rest = fragment.toString()
    const { pathname, search } = window.location
    window.history.replaceState(window.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`)
    return fromUrl
  }
  return window.localStorage.getItem(STORAGE_KEY)
}

const [key, setKey] = createSignal<string | null>(readInitialKey())
const [reason, setReason] = createSignal<string | null>(null)

/** The key requests are sent with; null when signed out. */
export const apiKey = key

/** Why the sign-in screen is shown (e.g. the key was refused); null for a plain sign-in. */
export const signInReason = reason

export function signIn(value: string): void {
  const trimmed = value.trim()
  if (!trimmed) return
  window.localStorage.setItem(STORAGE_KEY, trimmed)
  setReason(null)
  setKey(trimmed)
}

export function signOut(why: string | null = null): void {
  window.localStorage.removeItem(STORAGE_KEY)
  setReason(why)
  setKey(null)
}
