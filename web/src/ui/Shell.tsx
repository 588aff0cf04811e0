// The layout of every page: the top bar with the seven pages, the sign-in screen when there is no key,
// and one loading state for a page whose code or data is still on its way.
import { A, type RouteSectionProps } from '@solidjs/router'
import { type JSX, Show, Suspense } from 'solid-js'
import { apiKey, signOut } from '../lib/api-key.ts'
import { SignIn } from './SignIn.tsx'
import { LoadingLines } from './States.tsx'

/** The pages of the product, in the order of the navigation. */
export const PAGES = [
  { href: '/', label: 'Dashboard', end: true },
  { href: '/pod', label: 'POD review', end: false },
  { href: '/write-backs', label: 'Write-backs', end: false },
  { href: '/work-list', label: 'Work list', end: false },
  { href: '/cost', label: 'Cost', end: false },
  { href: '/rules', label: 'Rules', end: false },
  { href: '/reports', label: 'Reports', end: false },
] as const

export function Shell(props: RouteSectionProps): JSX.Element {
  return (
    <Show when={apiKey()} fallback={<SignIn />}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <A href="/" class="brand" end>
          <span class="brand-mark" aria-hidden="true">
            P
          </span>
          RevOps POD
        </A>
        <nav class="nav" aria-label="Main">
          {PAGES.map((page) => (
            <A href={page.href} end={page.end}>
              {page.label}
            </A>
          ))}
        </nav>
        <div class="topbar-end">
          <a href="/api/docs" target="_blank" rel="noreferrer" style={{ color: '#d1d5db' }}>
            API docs
          </a>
          <button type="button" class="button small" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabindex="-1">
        <Suspense
          fallback={
            <div class="page">
              <LoadingLines lines={6} label="Loading the page" />
            </div>
          }
        >
          {props.children}
        </Suspense>
      </main>
    </Show>
  )
}
